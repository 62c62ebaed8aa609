/**
 * Linkage behaviour: overdue flags and the overdue filter against the injected clock in China time, the status
 * machine with its resolution rule, assignment, links and their end, bad input answered with a 400 naming the field
 * in both languages, and the audit entry every change writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  LinkItem,
  LinksResponse,
  ProblemItem,
  ProblemsResponse,
} from '@jinke/core/linkage/api.contract.ts';
import { COMMAND_LINE_READER } from '../../platform/context.ts';
import { linkageFixture, TODAY, type LinkageFixture } from './linkage.fixtures.ts';
import { linkageService } from './linkage.service.ts';

let f: LinkageFixture;
beforeAll(async () => {
  f = await linkageFixture();
});
afterAll(() => f?.t.close());

const problems = async (query = '') =>
  (await f.as('officer').get(`/api/linkage/problems?pageSize=200${query}`)).json<ProblemsResponse>();
const status = (id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  f.as('officer').post(`/api/linkage/problems/${id}/status`, body, headers);
const fieldOf = (body: string) =>
  (
    JSON.parse(body) as {
      error: {
        code: string;
        message: string;
        details: { fields: { field: string; rule?: string; message: string }[] };
      };
    }
  ).error;

describe('overdue', () => {
  let late: ProblemItem;
  let dueToday: ProblemItem;
  beforeAll(async () => {
    late = await f.problem({ title: '逾期的问题', dueOn: '2026-11-25' });
    dueToday = await f.problem({ title: '今天到期', dueOn: TODAY });
  });

  it('flags a pending problem due before today (China time) and lists it first', async () => {
    const list = await problems();
    expect(list.today).toBe(TODAY);
    expect(list.items[0]).toMatchObject({ id: late.id, overdue: true, status: 'open' });
    expect(list.items.find((p) => p.id === dueToday.id)?.overdue).toBe(false);
    const only = await problems('&overdue=true');
    expect(only.items.map((p) => p.title)).toEqual(['逾期的问题']);
    expect(only.total).toBe(1);
    expect((await problems(`&q=${encodeURIComponent('今天')}`)).items.map((p) => p.title)).toEqual([
      '今天到期',
    ]);
    expect((await problems(`&q=${encodeURIComponent('甲鞋业')}`)).total).toBe(2);
    // A wildcard typed by the user matches itself only.
    expect((await problems('&q=%25')).total).toBe(0);
    const links = (await f.as('officer').get('/api/linkage/links')).json<LinksResponse>();
    expect(links.items.find((l) => l.enterpriseId === f.enterprises.a)).toMatchObject({
      pending: 2,
      overdue: 1,
      lastVisitOn: '2026-10-01',
      leaderName: 'leader名',
    });
  });

  it('turns a problem overdue when China’s day passes its due date', async () => {
    // 16:00 UTC is midnight in China: the next day has begun there.
    const at = (iso: string) => linkageService({ db: f.t.db, clock: () => new Date(iso) });
    const ctx = { actor: COMMAND_LINE_READER, requestId: 't', ip: null, locale: 'zh-CN' as const };
    const before = await at('2026-11-26T15:59:59Z').overdueProblems(ctx);
    expect(before.today).toBe(TODAY);
    expect(before.items.map((p) => p.title)).toEqual(['逾期的问题']);
    const after = await at('2026-11-26T16:00:00Z').overdueProblems(ctx);
    expect(after.today).toBe('2026-11-27');
    expect(after.items.map((p) => p.title)).toEqual(['逾期的问题', '今天到期']);
  });

  it('drops a problem from the overdue list once resolved, and back when reopened', async () => {
    expect((await status(late.id, { status: 'resolved', resolution: '已协调解决' })).statusCode).toBe(200);
    expect((await problems('&overdue=true')).total).toBe(0);
    const reopened = await status(late.id, { status: 'reopened' });
    expect(reopened.json<ProblemItem>()).toMatchObject({
      status: 'reopened',
      overdue: true,
      resolvedOn: null,
      resolution: '已协调解决',
    });
    expect((await problems('&overdue=true&status=reopened')).items.map((p) => p.id)).toEqual([late.id]);
  });
});

describe('status changes', () => {
  it('walks a problem to closure and audits every change in order', async () => {
    const p = await f.problem({ title: '走完流程' });
    expect((await status(p.id, { status: 'in_progress' })).json<ProblemItem>().status).toBe('in_progress');
    const resolved = (await status(p.id, { status: 'resolved', resolution: '已办理' })).json<ProblemItem>();
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: '已办理',
      resolvedOn: TODAY,
      overdue: false,
    });
    // Closing keeps the resolution given when resolved.
    expect((await status(p.id, { status: 'closed' })).json<ProblemItem>()).toMatchObject({
      status: 'closed',
      resolution: '已办理',
      resolvedOn: TODAY,
    });
    const { rows } = await f.t.db.query<{ action: string; changes: Record<string, unknown> }>(
      `SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [p.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'linkage.problem_raised',
      'linkage.problem_status_changed',
      'linkage.problem_status_changed',
      'linkage.problem_status_changed',
    ]);
    expect(rows[2]!.changes).toEqual({ status: ['in_progress', 'resolved'], resolution: [null, '已办理'] });
    expect(rows[3]!.changes).toEqual({ status: ['resolved', 'closed'] });
  });

  it('refuses an illegal move naming `status` and the allowed ones, in both languages', async () => {
    const p = await f.problem();
    const zh = await status(p.id, { status: 'closed', resolution: 'x' });
    expect(zh.statusCode).toBe(400);
    expect(fieldOf(zh.body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      message:
        '提交的数据有误：status 不能从“待办理”改为“已办结”，只能改为：办理中（in_progress）、已解决（resolved）',
      details: { fields: [{ field: 'status', rule: 'illegal_transition' }] },
    });
    const en = await status(p.id, { status: 'closed', resolution: 'x' }, { 'accept-language': 'en-US' });
    expect(fieldOf(en.body).message).toBe(
      'The submitted data is invalid: status cannot move from open to closed; allowed: In progress (in_progress), Resolved (resolved)',
    );
  });

  it('refuses resolving or closing without a resolution, naming `resolution`', async () => {
    const p = await f.problem();
    const res = await status(p.id, { status: 'resolved', resolution: '  ' });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res.body)).toMatchObject({
      message: '提交的数据有误：resolution 为必填项：解决问题须填写办理结果',
      details: { fields: [{ field: 'resolution', rule: 'resolution_required' }] },
    });
    const en = await status(p.id, { status: 'resolved' }, { 'accept-language': 'en' });
    expect(fieldOf(en.body).details.fields[0]!.message).toBe('is required to mark the problem resolved');
    expect((await problems()).items.find((x) => x.id === p.id)?.status).toBe('open');
  });

  it('answers 404 for an unknown problem and 400 for a malformed status', async () => {
    expect((await status('00000000-0000-4000-8000-000000000000', { status: 'in_progress' })).statusCode).toBe(
      404,
    );
    const bad = await status((await f.problem()).id, { status: 'done' });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad.body).details.fields[0]!.field).toBe('status');
  });
});

describe('visits, problems and assignment', () => {
  it('records a visit with its problems and audits each', async () => {
    const v = await f.visit('leader', {
      enterpriseId: f.enterprises.b,
      visitedOn: '2026-11-02',
      summary: '座谈了解人才需求',
      participants: '企业总经理',
      problems: [
        { title: '引进工程师', category: 'talent', dueOn: '2026-11-30', department: '综合科' },
        { title: '专利快审', category: 'ip', dueOn: '2026-12-15', assigneeId: f.ids.officer },
      ],
    });
    expect(v.visit).toMatchObject({
      enterpriseName: '乙纺织有限公司',
      townName: '安海镇',
      leaderName: 'leader名',
      visitedOn: '2026-11-02',
      participants: '企业总经理',
      problems: 2,
    });
    expect(v.problems.map((p) => [p.title, p.raisedOn, p.status, p.assigneeName, p.department])).toEqual([
      ['引进工程师', '2026-11-02', 'open', null, '综合科'],
      ['专利快审', '2026-11-02', 'open', 'officer名', null],
    ]);
    const { rows } = await f.t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 OR entity_id = ANY($2) ORDER BY seq`,
      [v.visit.id, v.problems.map((p) => p.id)],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'linkage.visit_recorded',
      'linkage.problem_raised',
      'linkage.problem_raised',
    ]);
  });

  it('refuses an unknown enterprise, a due date before the visit, a future visit and a non-officer assignee', async () => {
    const base = { enterpriseId: f.enterprises.a, visitedOn: '2026-11-02', summary: '走访' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, enterpriseId: '00000000-0000-4000-8000-000000000000' }, 'enterpriseId', '不是已登记的企业'],
      [
        { ...base, problems: [{ title: 'x', category: 'other', dueOn: '2026-11-01' }] },
        'problems.0.dueOn',
        '不能早于走访日期（2026-11-02）',
      ],
      [{ ...base, visitedOn: '2026-11-27' }, 'visitedOn', '不能晚于今天'],
      [
        {
          ...base,
          problems: [{ title: 'x', category: 'other', dueOn: '2026-12-01', assigneeId: f.ids.town }],
        },
        'problems.0.assigneeId',
        '不是在用的科技局工作人员账号',
      ],
      [
        { ...base, problems: [{ title: 'x', category: 'nope', dueOn: '2026-12-01' }] },
        'problems.0.category',
        '',
      ],
    ];
    for (const [body, field, zh] of cases) {
      const res = await f.as('leader').post('/api/linkage/visits', body);
      expect(res.statusCode, field).toBe(400);
      const error = fieldOf(res.body);
      expect(error.details.fields[0]!.field).toBe(field);
      if (zh) expect(error.details.fields[0]!.message).toBe(zh);
    }
    const en = await f
      .as('leader')
      .post(
        '/api/linkage/visits',
        { ...base, problems: [{ title: 'x', category: 'other', dueOn: '2026-11-01' }] },
        { 'accept-language': 'en-US' },
      );
    expect(fieldOf(en.body).details.fields[0]!.message).toBe('must not be before the visit (2026-11-02)');
    const noLeader = await f.as('officer').post('/api/linkage/visits', base);
    expect(fieldOf(noLeader.body).details.fields[0]).toMatchObject({ field: 'leaderId', rule: 'required' });
    const early = await f.as('officer').post('/api/linkage/problems', {
      enterpriseId: f.enterprises.a,
      title: 'x',
      category: 'other',
      dueOn: '2026-11-25',
    });
    expect(fieldOf(early.body).details.fields[0]).toMatchObject({
      field: 'dueOn',
      message: '不能早于登记日期（2026-11-26）',
    });
  });

  it('assigns a problem to an officer and a department with a new due date, audited field by field', async () => {
    const p = await f.problem({ dueOn: '2026-12-01' });
    const res = await f.as('officer').put(`/api/linkage/problems/${p.id}/assignment`, {
      assigneeId: f.ids.officer,
      department: '高新科',
      dueOn: '2026-12-10',
    });
    expect(res.json<ProblemItem>()).toMatchObject({
      assigneeName: 'officer名',
      department: '高新科',
      dueOn: '2026-12-10',
    });
    const { rows } = await f.t.db.query<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'linkage.problem_assigned'`,
      [p.id],
    );
    expect(rows[0]!.changes).toEqual({
      assignee: [null, f.ids.officer],
      department: [null, '高新科'],
      dueOn: ['2026-12-01', '2026-12-10'],
    });
    const bad = await f
      .as('officer')
      .put(`/api/linkage/problems/${p.id}/assignment`, { dueOn: '2026-09-30' });
    expect(fieldOf(bad.body).details.fields[0]).toMatchObject({ field: 'dueOn', rule: 'due_before_raised' });
  });
});

describe('links', () => {
  it('links a leader once, refuses a duplicate, ends the link and keeps it in history', async () => {
    const res = await f.as('admin').post('/api/linkage/links', {
      leaderId: f.ids.other,
      enterpriseId: f.enterprises.c,
      since: '2026-01-01',
    });
    expect(res.statusCode).toBe(201);
    const link = res.json<LinkItem>();
    expect(link).toMatchObject({
      leaderName: '另一领导',
      enterpriseName: '丙机械有限公司',
      since: '2026-01-01',
      until: null,
    });
    const again = await f
      .as('admin')
      .post('/api/linkage/links', { leaderId: f.ids.other, enterpriseId: f.enterprises.c });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'LINKAGE_ALREADY_LINKED' } });
    const ended = await f.as('officer').delete(`/api/linkage/links/${link.id}`);
    expect(ended.json<LinkItem>().until).toBe(TODAY);
    expect((await f.as('officer').delete(`/api/linkage/links/${link.id}`)).statusCode).toBe(409);
    const current = (
      await f.as('officer').get(`/api/linkage/links?leaderId=${f.ids.other}`)
    ).json<LinksResponse>();
    expect(current.items).toEqual([]);
    const all = (
      await f.as('officer').get(`/api/linkage/links?leaderId=${f.ids.other}&ended=true`)
    ).json<LinksResponse>();
    expect(all.items.map((l) => l.until)).toEqual([TODAY]);
    const { rows } = await f.t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [link.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['linkage.linked', 'linkage.unlinked']);
  });

  it('refuses linking a user who is not a leader, or an unknown enterprise, naming the field', async () => {
    const notLeader = await f.as('admin').post('/api/linkage/links', {
      leaderId: f.ids.officer,
      enterpriseId: f.enterprises.c,
    });
    expect(fieldOf(notLeader.body).details.fields[0]).toMatchObject({
      field: 'leaderId',
      message: '不是在用的局领导账号',
    });
    const unknown = await f
      .as('admin')
      .post(
        '/api/linkage/links',
        { leaderId: f.ids.other, enterpriseId: '00000000-0000-4000-8000-000000000000' },
        { 'accept-language': 'en-US' },
      );
    expect(fieldOf(unknown.body)).toMatchObject({
      message: 'The submitted data is invalid: enterpriseId is not a registered enterprise',
      details: { fields: [{ field: 'enterpriseId', message: 'is not a registered enterprise' }] },
    });
  });
});

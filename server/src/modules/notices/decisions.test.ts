/**
 * Batch decisions: approvals take `propose` and join one notice (7 natural days by default, at least 5), declines
 * take `decline` with the templated reason; the batch is one transaction, so a bad item leaves nothing changed;
 * confirmation waits for the day after the last day and for every objection to be handled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDetail, StaffNoticesResponse } from '@jinke/core/notices/notices.contract.ts';
import type { TimelineResponse } from '@jinke/core/programmes/api.contract.ts';
import { noticesFixture, toDecision, type NoticesFixture } from './notices.fixtures.ts';

let f: NoticesFixture;
beforeAll(async () => {
  f = await noticesFixture();
}, 120_000);
afterAll(() => f.t.close());

const counts = async () =>
  (
    await f.t.db.query<{ events: number; audits: number; notices: number }>(
      `SELECT (SELECT count(*)::int FROM programme_application_events) AS events,
              (SELECT count(*)::int FROM audit_log) AS audits,
              (SELECT count(*)::int FROM programme_notices) AS notices`,
    )
  ).rows[0]!;

describe('a bad batch changes nothing', () => {
  it('names items.<i>.reason, a repeated id and a proposed amount on a decline, in one 400', async () => {
    const before = await counts();
    const res = await f.as('officer').post(`/api/programmes/calls/${f.callId}/decisions`, {
      items: [
        { applicationId: f.apps.a, decision: 'approve', proposedFen: '50000000' },
        { applicationId: f.apps.b, decision: 'decline', reason: ' ', proposedFen: '1' },
        { applicationId: f.apps.a, decision: 'approve' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { field: 'items.1.reason', message: '不予立项须选择或填写理由', rule: 'required' },
      { field: 'items.1.proposedFen', message: '不予立项的申报书不填拟资助金额', rule: 'approve_only' },
      { field: 'items.2.applicationId', message: '与第 1 项重复', rule: 'duplicate' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses the shape of bad input with the field named (zod)', async () => {
    const res = await f
      .as('officer')
      .post(
        `/api/programmes/calls/${f.callId}/decisions`,
        { items: [{ applicationId: 'x', decision: 'maybe', proposedFen: '-5' }], notice: { days: 4 } },
        { 'accept-language': 'en-US' },
      );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((x: { field: string }) => x.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'items.0.applicationId',
        'items.0.decision',
        'items.0.proposedFen',
        'notice.days',
      ]),
    );
  });

  it('answers 409 naming the item not awaiting a decision, and rolls the approvals back', async () => {
    const other = await f.openCall({ title: '2026年度第二批科技计划项目' });
    const draft = await f.start(other.id);
    const before = await counts();
    const res = await f.as('officer').post(`/api/programmes/calls/${f.callId}/decisions`, {
      items: [
        { applicationId: f.apps.a, decision: 'approve' },
        { applicationId: draft.id, decision: 'approve' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { field: 'items.1.applicationId', message: '不是该申报通知的申报书', rule: 'unknown' },
    ]);
    const wrongCall = await f.as('officer').post(`/api/programmes/calls/${other.id}/decisions`, {
      items: [{ applicationId: draft.id, decision: 'decline', reasonTemplate: 'out_of_scope' }],
    });
    expect(wrongCall.statusCode).toBe(409);
    expect(wrongCall.json().error.code).toBe('NOTICE_DECISION_PHASE');
    expect(wrongCall.json().error.details.fields[0].field).toBe('items.0.applicationId');
    expect(await counts()).toEqual(before);
    expect(await f.phaseOf(f.apps.a)).toBe('decision');
  });

  it('refuses a notice starting before today', async () => {
    const res = await f.as('officer').post(`/api/programmes/calls/${f.callId}/decisions`, {
      items: [{ applicationId: f.apps.a, decision: 'approve' }],
      notice: { startsOn: '2026-11-25' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toEqual({
      field: 'notice.startsOn',
      message: '公示开始日期不能早于今天（2026-11-26）',
      rule: 'min',
    });
  });
});

describe('a good batch', () => {
  let noticeId: string;
  it('proposes and declines, publishing a seven-day notice ending on 2026-12-02', async () => {
    const out = await f.decide({
      items: [
        { applicationId: f.apps.a, decision: 'approve', proposedFen: '50000000' },
        {
          applicationId: f.apps.b,
          decision: 'decline',
          reasonTemplate: 'below_threshold',
          reason: '得分 58.5 分',
        },
      ],
    });
    expect(out).toEqual({ approved: 1, declined: 1, noticeId: expect.any(String) });
    noticeId = out.noticeId!;
    expect(await f.phaseOf(f.apps.a)).toBe('notice');
    expect(await f.phaseOf(f.apps.b)).toBe('rejected');
    const timeline = (
      await f.as('other').get(`/api/programmes/applications/${f.apps.b}/timeline`)
    ).json<TimelineResponse>();
    expect(timeline.items.at(-1)).toMatchObject({
      action: 'decline',
      reason: '评审得分未达立项分数线：得分 58.5 分',
    });
    const notice = (await f.as('leader').get(`/api/programmes/notices/${noticeId}`)).json<NoticeDetail>();
    expect(notice).toMatchObject({
      title: '关于2026年度晋江市科技计划项目拟立项项目的公示',
      startsOn: '2026-11-26',
      days: 7,
      endsOn: '2026-12-02',
      window: 'running',
      entries: 1,
    });
    expect(notice.items).toEqual([
      {
        applicationId: f.apps.a,
        position: 1,
        enterpriseName: '甲鞋业有限公司',
        projectTitle: '智能鞋底成型装备研发',
        proposedFen: '50000000',
        status: 'on_notice',
        statusName: { zh: '公示中', en: 'On notice' },
      },
    ]);
    const audits = await f.t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'notices.%' OR action IN ('programmes.application_propose', 'programmes.application_decline') ORDER BY seq`,
    );
    expect(audits.rows.map((r) => r.action)).toEqual([
      'notices.notice_published',
      'programmes.application_propose',
      'programmes.application_decline',
      'notices.batch_decided',
    ]);
  });

  it('keeps confirm blocked while the notice runs (the guard reads notice-facts)', async () => {
    const detail = (await f.as('officer').get(`/api/programmes/applications/${f.apps.a}`)).json();
    const confirm = detail.actions.find((a: { id: string }) => a.id === 'confirm');
    expect(confirm).toMatchObject({
      enabled: false,
      blockedBy: [{ zh: '公示期至 2026-12-02 结束', en: 'the notice runs until 2026-12-02' }],
    });
    const res = await f.as('officer').post(`/api/programmes/notices/${noticeId}/confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'NOTICE_NOT_ENDED',
      message: '公示期至 2026-12-02 结束，期满后方可确认立项',
    });
  });

  it('lists the call’s notices for staff with counts', async () => {
    const list = (
      await f.as('officer').get(`/api/programmes/notices?callId=${f.callId}`)
    ).json<StaffNoticesResponse>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: noticeId, entries: 1, objections: 0, openObjections: 0 });
  });

  it('confirms on the day after the last day, then the result is public', async () => {
    await f.travelTo('2026-12-02T15:59:00Z'); // 23:59 on the last day in China
    expect((await f.as('officer').post(`/api/programmes/notices/${noticeId}/confirm`)).statusCode).toBe(409);
    await f.travelTo('2026-12-02T16:00:00Z'); // 00:00 on 12-03 in China
    const res = await f.as('officer').post(`/api/programmes/notices/${noticeId}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ confirmed: 1 });
    expect(await f.phaseOf(f.apps.a)).toBe('approved');
    const results = (await f.as('anonymous').get('/api/public/programme-results?year=2026')).json();
    expect(results).toEqual({
      year: 2026,
      items: [
        {
          applicationId: f.apps.a,
          callId: f.callId,
          callTitle: '2026年度晋江市科技计划项目',
          year: 2026,
          enterpriseName: '甲鞋业有限公司',
          uscc: '91350582MA0000001X',
          projectTitle: '智能鞋底成型装备研发',
          amountFen: '50000000',
          status: 'approved',
          statusName: { zh: '已立项', en: 'Approved' },
          confirmedOn: '2026-12-03',
        },
      ],
    });
    const csv = await f.as('anonymous').get('/api/public/programme-results.csv?year=2026');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      '\uFEFFapplication_id,call_id,call_title,year,enterprise,uscc,project_title,amount_fen,amount_yuan,status,confirmed_on\r\n' +
        `${f.apps.a},${f.callId},2026年度晋江市科技计划项目,2026,甲鞋业有限公司,91350582MA0000001X,智能鞋底成型装备研发,50000000,500000.00,approved,2026-12-03\r\n`,
    );
    expect((await f.as('anonymous').get('/api/public/programme-results?year=2025')).json().items).toEqual([]);
  });

  it('joins a later approval to a notice that has not begun, with its whole length', async () => {
    const other = await f.openCall({
      title: '2026年度第三批科技计划项目',
      opensOn: '2026-12-01',
      closesOn: '2026-12-31',
    });
    const id = (await f.start(other.id)).id;
    await f.submit(id);
    await toDecision(f, id);
    const empty = await f.as('officer').post(`/api/programmes/calls/${other.id}/decisions`, { items: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields[0].field).toBe('items');
    const res = await f.as('officer').post(`/api/programmes/calls/${other.id}/decisions`, {
      items: [{ applicationId: id, decision: 'approve' }],
      notice: { title: '第三批拟立项项目公示', startsOn: '2026-12-10', days: 5 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const notice = (
      await f.as('officer').get(`/api/programmes/notices/${res.json().noticeId}`)
    ).json<NoticeDetail>();
    expect(notice).toMatchObject({
      title: '第三批拟立项项目公示',
      startsOn: '2026-12-10',
      days: 5,
      endsOn: '2026-12-14',
      window: 'not_started',
    });
    expect((await f.as('anonymous').get(`/api/public/notices/${notice.id}`)).statusCode).toBe(404);
    expect(notice.items[0]).toMatchObject({ projectTitle: '智能鞋底成型装备研发', proposedFen: null });
  });
});

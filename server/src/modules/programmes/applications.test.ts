/**
 * Applications through the workflow: the draft pre-filled from the registry, autosave, attachments, submission
 * (refused after the closing day and when the form violates its schema, naming the field), return for correction
 * with a reason, resubmission, acceptance, withdrawal, the applicant's timeline and the audit entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '@jinke/core/common/sm3.ts';
import type {
  ApplicationDetail,
  ApplicationsResponse,
  CallDetail,
  CallsResponse,
  TimelineResponse,
} from '@jinke/core/programmes/api.contract.ts';
import { COMPLETE, PDF, programmesFixture, type ProgrammesFixture } from './programmes.fixtures.ts';

let f: ProgrammesFixture;
let call: CallDetail;

beforeAll(async () => {
  f = await programmesFixture();
  call = await f.openCall();
}, 120_000);
afterAll(() => f?.t.close());

const url = (id: string, rest = '') => `/api/programmes/applications/${id}${rest}`;

describe('calls', () => {
  it('opening freezes the definition version; an opened call cannot be changed', async () => {
    expect(call.status).toBe('open');
    expect(call.definitionVersion).toBe(1);
    expect(call.formSchema?.required).toContain('projectTitle');
    const res = await f.as('officer').put(`/api/programmes/calls/${call.id}`, {
      kind: 'science_plan',
      title: '改名',
      year: 2026,
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      budgetFen: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROGRAMME_CALL_NOT_DRAFT');
    const del = await f.as('admin').delete(`/api/programmes/calls/${call.id}`);
    expect(del.statusCode).toBe(409);
  });

  it('refuses a closing day before the opening day, naming closesOn', async () => {
    const res = await f.as('officer').post('/api/programmes/calls', {
      kind: 'science_plan',
      title: '倒置日期',
      year: 2026,
      opensOn: '2026-12-01',
      closesOn: '2026-11-01',
      budgetFen: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('closesOn');
  });

  it('an enterprise sees open calls only; drafts stay with the bureau', async () => {
    const draft = await f.as('officer').post('/api/programmes/calls', {
      kind: 'contest',
      title: '创新创业大赛',
      year: 2026,
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      budgetFen: 0,
    });
    const mine = (await f.as('enterprise').get('/api/programmes/calls')).json<CallsResponse>().items;
    expect(mine.map((c) => c.id)).toEqual([call.id]);
    expect(
      (await f.as('enterprise').get(`/api/programmes/calls/${draft.json<CallDetail>().id}`)).statusCode,
    ).toBe(404);
    const staff = (await f.as('leader').get('/api/programmes/calls?status=draft')).json<CallsResponse>()
      .items;
    expect(staff.map((c) => c.title)).toEqual(['创新创业大赛']);
  });
});

describe('an application from draft to expert review', () => {
  let app: ApplicationDetail;

  it('starts pre-filled from the registry', async () => {
    app = await f.start(call.id);
    expect(app.phase).toBe('draft');
    expect(app.phaseName).toEqual({ zh: '填报中', en: 'Being filled in' });
    expect(app.editable).toBe(true);
    expect(app.formData).toEqual({
      enterpriseName: '甲鞋业有限公司',
      uscc: '91350582MA0000001X',
      town: '安海镇',
      industry: 'C1952',
      figuresYear: 2025,
      revenueWan: 3123.46,
      rdWan: 98.77,
      inventionPatents: 1,
      qualifications: '高新技术企业',
    });
    expect(app.prefill.latestYear).toEqual({
      year: 2025,
      revenueFen: 3123456789,
      rdFen: 98765432,
      staff: 200,
      techStaff: 36,
    });
    expect(app.prefill.qualifications.map((q) => q.kind)).toEqual(['hnte']);
    expect(app.actions.map((a) => [a.id, a.enabled])).toEqual([
      ['submit', false],
      ['withdraw', true],
    ]);
    const again = await f.as('enterprise').post(`/api/programmes/calls/${call.id}/applications`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.applicationId).toBe(app.id);
  });

  it('autosaves incomplete drafts but refuses unknown fields and wrong types, naming them', async () => {
    const ok = await f
      .as('enterprise')
      .put(url(app.id, '/form'), { formData: { ...app.formData, projectTitle: '智能' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ApplicationDetail>().formData.projectTitle).toBe('智能');
    const bad = await f
      .as('enterprise')
      .put(url(app.id, '/form'), { formData: { requestedWan: '五十', colour: 'red' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((x: { field: string }) => x.field)).toEqual([
      'formData.colour',
      'formData.requestedWan',
    ]);
  });

  it('refuses to submit an invalid form, naming each field', async () => {
    const res = await f
      .as('enterprise')
      .post(url(app.id, '/transitions'), { action: 'submit' }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields as { field: string; message: string }[];
    expect(fields.map((x) => x.field)).toEqual([
      'formData.projectTitle',
      'formData.summary',
      'formData.requestedWan',
      'formData.level',
      'formData.contactName',
      'formData.contactPhone',
    ]);
    expect(fields[0]!.message).toBe('Project title must have at least 4 characters');
    expect(fields[3]!.message).toBe('Level is required');
  });

  it('takes an attachment with its SM3 digest and serves it back', async () => {
    const res = await f
      .as('enterprise')
      .post(url(app.id, '/attachments?fileName=%E5%8F%AF%E8%A1%8C%E6%80%A7%E6%8A%A5%E5%91%8A.pdf'), PDF, {
        'content-type': 'application/pdf',
      });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '可行性报告.pdf', size: PDF.length, sm3: sm3Hex(PDF) });
    const got = await f.as('officer').get(url(app.id, `/attachments/${res.json().id}`));
    expect(got.statusCode).toBe(200);
    expect(got.headers['x-content-sm3']).toBe(sm3Hex(PDF));
    expect(Buffer.from(got.rawPayload).equals(PDF)).toBe(true);
    const refused = await f
      .as('enterprise')
      .post(url(app.id, '/attachments?fileName=a.pdf'), Buffer.from('hello'), {
        'content-type': 'application/pdf',
      });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0].field).toBe('file');
  });

  it('submits, after which the form cannot be edited', async () => {
    app = await f.submit(app.id);
    expect(app.phase).toBe('formal_check');
    expect(app.phaseName.zh).toBe('已提交，形式审查中');
    expect(app.submittedAt).toBe('2026-11-26T02:00:00.000Z');
    expect(app.clock).toMatchObject({
      startedOn: '2026-11-26',
      limit: 5,
      elapsed: 0,
      remaining: 5,
      dueOn: '2026-12-03',
      suspended: false,
      overdue: false,
    });
    const edit = await f.as('enterprise').put(url(app.id, '/form'), { formData: COMPLETE });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('PROGRAMME_NOT_EDITABLE');
    expect(edit.json().error.message).toBe('申报书已提交，当前环节不能修改');
    const upload = await f
      .as('enterprise')
      .post(url(app.id, '/attachments?fileName=b.pdf'), PDF, { 'content-type': 'application/pdf' });
    expect(upload.statusCode).toBe(409);
  });

  it('the officer returns it with a reason; the applicant sees the reason and corrects', async () => {
    const noReason = await f.as('officer').post(url(app.id, '/transitions'), { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    const byApplicant = await f.as('enterprise').post(url(app.id, '/transitions'), { action: 'accept' });
    expect(byApplicant.statusCode).toBe(403);
    const returned = await f.act('officer', app.id, 'return', '请补充近三年审计报告');
    expect(returned.phaseName).toEqual({ zh: '退回补正', en: 'Returned for correction' });
    expect(returned.clock).toMatchObject({
      suspended: true,
      dueOn: null,
      suspensions: [{ from: '2026-11-27', to: null }],
    });
    const mine = (await f.as('enterprise').get(url(app.id))).json<ApplicationDetail>();
    expect(mine.phaseName.zh).toBe('需补正材料');
    expect(mine.editable).toBe(true);
    const timeline = (await f.as('enterprise').get(url(app.id, '/timeline'))).json<TimelineResponse>().items;
    expect(timeline.map((e) => [e.action, e.fromName?.zh ?? null, e.toName.zh, e.reason])).toEqual([
      ['create', null, '填报中', null],
      ['submit', '填报中', '已提交，形式审查中', null],
      ['return', '已提交，形式审查中', '需补正材料', '请补充近三年审计报告'],
    ]);
    // Staff-only phase names (形式审查, 退回补正) never reach the timeline.
    const names = timeline.flatMap((e) => [e.fromName?.zh, e.toName.zh]);
    expect(names).not.toContain('形式审查');
    expect(names).not.toContain('退回补正');
  });

  it('resubmits and the officer accepts into expert review', async () => {
    const resubmitted = await f.act('enterprise', app.id, 'resubmit');
    expect(resubmitted.phase).toBe('formal_check');
    expect(resubmitted.clock).toMatchObject({ suspended: false, dueOn: '2026-12-03', suspensions: [] });
    const queue = (
      await f.as('officer').get(`/api/programmes/applications?phase=formal_check&callId=${call.id}`)
    ).json<ApplicationsResponse>();
    expect(queue.items.map((i) => i.id)).toEqual([app.id]);
    const withdrawByOther = await f
      .as('other')
      .post(url(app.id, '/transitions'), { action: 'withdraw_pending' });
    expect(withdrawByOther.statusCode).toBe(404);
    const accepted = await f.act('officer', app.id, 'accept');
    expect(accepted.phase).toBe('expert_review');
    expect(accepted.clock).toMatchObject({ phase: 'expert_review', limit: 15, elapsed: 0 });
    const late = await f.as('enterprise').post(url(app.id, '/transitions'), { action: 'withdraw_pending' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('PROGRAMME_ACTION_UNAVAILABLE');
  });

  it('writes one audit entry per change, in order', async () => {
    const { rows } = await f.t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [app.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'programmes.application_created',
      'programmes.application_saved',
      'programmes.attachment_added',
      'programmes.application_saved',
      'programmes.application_submit',
      'programmes.application_return',
      'programmes.application_resubmit',
      'programmes.application_accept',
    ]);
  });
});

describe('withdrawal and the closing day', () => {
  it('the applicant withdraws a submitted application before the formal check accepts it', async () => {
    const b = await f.start(call.id, 'other');
    await f.submit(b.id, 'other');
    const withdrawn = await f.act('other', b.id, 'withdraw_pending');
    expect(withdrawn.phase).toBe('withdrawn');
    expect(withdrawn.actions).toEqual([]);
  });

  it('refuses submission after the closing day: 申报已截止', async () => {
    const late = await f.openCall({
      title: '专利产业化',
      kind: 'patent_industrialisation',
      closesOn: '2026-11-30',
    });
    const app = await f.start(late.id);
    // The call closed yesterday.
    await f.t.db.query(
      `UPDATE programme_calls SET closes_on = '2026-11-25', opens_on = '2026-11-01' WHERE id = $1`,
      [late.id],
    );
    const res = await f.as('enterprise').post(url(app.id, '/transitions'), { action: 'submit' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROGRAMME_CALL_CLOSED');
    expect(res.json().error.message).toBe('申报已截止（截止日期 2026-11-25）');
    const start = await f.as('other').post(`/api/programmes/calls/${late.id}/applications`);
    expect(start.statusCode).toBe(409);
    expect(start.json().error.message).toBe('申报已截止');
  });
});

/**
 * Objections (异议) on a running notice: anyone files one naming an entry from the first to the last day; the day
 * after is 409 naming the last day; officers read them (leaders with the phone masked) and handle them; an open
 * objection keeps `confirm` blocked, and an upheld one lets the officer cancel with `withdraw_after_objection`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  NoticeDetail,
  NoticesResponse,
  ObjectionsResponse,
} from '@jinke/core/notices/notices.contract.ts';
import { noticesFixture, type NoticesFixture } from './notices.fixtures.ts';

let f: NoticesFixture;
let noticeId: string;
beforeAll(async () => {
  f = await noticesFixture();
  noticeId = (
    await f.decide({
      items: [
        { applicationId: f.apps.a, decision: 'approve', proposedFen: '30000000' },
        { applicationId: f.apps.b, decision: 'approve', proposedFen: '20000000' },
      ],
      notice: { startsOn: '2026-11-27', days: 5 },
    })
  ).noticeId!;
}, 120_000);
afterAll(() => f.t.close());

const objection = (applicationId: string, extra: Record<string, unknown> = {}) => ({
  applicationId,
  name: '王五',
  phone: '13800138000',
  text: '该企业申报的研发人员数量与实际明显不符，请核查。',
  ...extra,
});

describe('the objection window', () => {
  it('hides the notice and refuses objections before the first day', async () => {
    expect((await f.as('anonymous').get('/api/public/notices')).json<NoticesResponse>().items).toEqual([]);
    const res = await f
      .as('anonymous')
      .post(`/api/public/notices/${noticeId}/objections`, objection(f.apps.a));
    expect(res.statusCode).toBe(404);
  });

  it('accepts one on the first day, without signing in; the phone is stored encrypted and the filing audited', async () => {
    await f.travelTo('2026-11-26T16:00:00Z'); // 00:00 on 11-27 in China, the first day
    const list = (await f.as('anonymous').get('/api/public/notices')).json<NoticesResponse>();
    expect(list.items.map((n) => [n.id, n.startsOn, n.endsOn, n.window])).toEqual([
      [noticeId, '2026-11-27', '2026-12-01', 'running'],
    ]);
    const res = await f
      .as('anonymous')
      .post(`/api/public/notices/${noticeId}/objections`, objection(f.apps.a));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      receivedAt: '2026-11-26T16:00:00.000Z',
      noticeEndsOn: '2026-12-01',
    });
    const row = await f.t.db.query<{ phone_enc: string }>('SELECT phone_enc FROM programme_objections');
    expect(row.rows[0]!.phone_enc.startsWith('sm4:v1:')).toBe(true);
    const audit = await f.t.db.query<{ action: string; actor_id: string | null }>(
      `SELECT action, actor_id FROM audit_log WHERE action = 'notices.objection_filed'`,
    );
    expect(audit.rows).toEqual([{ action: 'notices.objection_filed', actor_id: null }]);
  });

  it('names each bad field in a 400, in both languages', async () => {
    const zh = await f.as('anonymous').post(`/api/public/notices/${noticeId}/objections`, {
      applicationId: f.apps.a,
      name: '王',
      phone: '12345',
      text: '不对',
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details.fields.map((x: { field: string }) => x.field)).toEqual([
      'name',
      'phone',
      'text',
    ]);
    expect(zh.json().error.details.fields[1].message).toBe('phone 应为 11 位大陆手机号码');
    const en = await f
      .as('anonymous')
      .post(`/api/public/notices/${noticeId}/objections`, objection('00000000-0000-4000-8000-000000000000'), {
        'accept-language': 'en-US',
      });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details.fields).toEqual([
      { field: 'applicationId', message: 'is not a project on this notice', rule: 'unknown' },
    ]);
  });

  it('accepts one on the last day and refuses the day after with 409 naming the last day', async () => {
    await f.travelTo('2026-12-01T15:59:59Z'); // 23:59:59 on 12-01, the last day
    const last = await f
      .as('anonymous')
      .post(`/api/public/notices/${noticeId}/objections`, objection(f.apps.b));
    expect(last.statusCode, last.body).toBe(201);
    await f.travelTo('2026-12-01T16:00:00Z', ['officer', 'admin', 'leader']); // 00:00 on 12-02
    const late = await f
      .as('anonymous')
      .post(`/api/public/notices/${noticeId}/objections`, objection(f.apps.b));
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'NOTICE_ENDED',
      message: '公示期已于 2026-12-01 结束，不再受理异议',
      details: { noticeEndsOn: '2026-12-01' },
    });
    const notice = (await f.as('anonymous').get(`/api/public/notices/${noticeId}`)).json<NoticeDetail>();
    expect(notice.window).toBe('ended');
  });
});

describe('handling objections', () => {
  it('keeps confirmation blocked while objections are open', async () => {
    const detail = (await f.as('officer').get(`/api/programmes/applications/${f.apps.a}`)).json();
    expect(detail.actions.find((a: { id: string }) => a.id === 'confirm')).toMatchObject({
      enabled: false,
      blockedBy: [{ zh: '尚有 1 件异议未处理', en: '1 objections are still open' }],
    });
    const res = await f.as('officer').post(`/api/programmes/notices/${noticeId}/confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'NOTICE_OBJECTIONS_OPEN',
      message: '尚有异议未处理：甲鞋业有限公司、乙纺织有限公司',
      details: { applicationIds: [f.apps.a, f.apps.b] },
    });
  });

  it('shows the phone in full to officers and masked to leaders', async () => {
    const officer = (
      await f.as('officer').get(`/api/programmes/notices/${noticeId}/objections`)
    ).json<ObjectionsResponse>();
    expect(officer.items.map((o) => [o.applicationId, o.name, o.phone, o.outcome])).toEqual([
      [f.apps.a, '王五', '13800138000', null],
      [f.apps.b, '王五', '13800138000', null],
    ]);
    const leader = (
      await f.as('leader').get(`/api/programmes/notices/${noticeId}/objections`)
    ).json<ObjectionsResponse>();
    expect(leader.items.map((o) => o.phone)).toEqual(['138****8000', '138****8000']);
  });

  it('upholds one (then the officer cancels the entry) and dismisses the other (then it is confirmed)', async () => {
    const [first, second] = (
      await f.as('officer').get(`/api/programmes/notices/${noticeId}/objections`)
    ).json<ObjectionsResponse>().items;
    const bad = await f
      .as('officer')
      .post(`/api/programmes/objections/${first!.id}/handle`, { outcome: 'maybe', response: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((x: { field: string }) => x.field)).toEqual([
      'outcome',
      'response',
    ]);
    const upheld = await f.as('officer').post(`/api/programmes/objections/${first!.id}/handle`, {
      outcome: 'upheld',
      response: '经核查，研发人员数量与社保记录不符，异议成立。',
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json()).toMatchObject({
      outcome: 'upheld',
      handledAt: '2026-12-01T16:00:00.000Z',
      phase: 'notice',
    });
    const again = await f.as('officer').post(`/api/programmes/objections/${first!.id}/handle`, {
      outcome: 'dismissed',
      response: '重复处理测试',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOTICE_OBJECTION_HANDLED');
    await f.act('officer', f.apps.a, 'withdraw_after_objection', '异议成立，取消立项');
    const dismissed = await f.as('admin').post(`/api/programmes/objections/${second!.id}/handle`, {
      outcome: 'dismissed',
      response: '经核查，申报材料属实，异议不成立。',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const confirmed = await f.as('officer').post(`/api/programmes/notices/${noticeId}/confirm`);
    expect(confirmed.json()).toEqual({ confirmed: 1 });
    expect(await f.phaseOf(f.apps.a)).toBe('rejected');
    expect(await f.phaseOf(f.apps.b)).toBe('approved');
    const notice = (await f.as('anonymous').get(`/api/public/notices/${noticeId}`)).json<NoticeDetail>();
    expect(notice.items.map((e) => [e.enterpriseName, e.status])).toEqual([
      ['甲鞋业有限公司', 'cancelled'],
      ['乙纺织有限公司', 'confirmed'],
    ]);
    const audits = await f.t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'notices.objection%' ORDER BY seq`,
    );
    expect(audits.rows.map((r) => r.action)).toEqual([
      'notices.objection_filed',
      'notices.objection_filed',
      'notices.objection_handled',
      'notices.objection_handled',
    ]);
  });
});

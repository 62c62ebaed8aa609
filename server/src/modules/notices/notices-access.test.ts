/**
 * Who may call each notices endpoint, for every role and the anonymous: admin and officers decide, confirm and
 * handle objections; leaders read notices and objections only; town officers, enterprises, experts, banks and
 * providers are refused the staff endpoints (403), the anonymous 401; the public endpoints answer everyone alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL, type Who } from '../programmes/programmes.fixtures.ts';
import { noticesFixture, type NoticesFixture } from './notices.fixtures.ts';

let f: NoticesFixture;
let noticeId: string;
let objectionId: string;

beforeAll(async () => {
  f = await noticesFixture();
  noticeId = (await f.decide({ items: [{ applicationId: f.apps.a, decision: 'approve' }] }, 'admin'))
    .noticeId!;
  const filed = await f.as('anonymous').post(`/api/public/notices/${noticeId}/objections`, {
    applicationId: f.apps.a,
    name: '李四',
    phone: '13900139000',
    text: '项目名称与企业主营业务不一致，请核查。',
  });
  objectionId = filed.json<{ id: string }>().id;
}, 120_000);
afterAll(() => f?.t.close());

async function expectOnly(
  allowed: Who[],
  ok: number,
  call: (who: Who) => Promise<{ statusCode: number; body: string }>,
) {
  for (const who of ALL) {
    const res = await call(who);
    const want = allowed.includes(who) ? ok : who === 'anonymous' ? 401 : 403;
    expect(res.statusCode, `${who}: ${res.body}`).toBe(want);
  }
}

const DECIDERS: Who[] = ['admin', 'officer'];
const READERS: Who[] = ['admin', 'officer', 'leader'];

describe('staff endpoints', () => {
  it('decide a batch: admin and officer (the batch is checked after the role)', async () => {
    await expectOnly(DECIDERS, 400, (w) =>
      f.as(w).post(`/api/programmes/calls/${f.callId}/decisions`, {
        items: [{ applicationId: f.apps.b, decision: 'decline' }],
      }),
    );
    expect(await f.phaseOf(f.apps.b)).toBe('decision');
    const ok = await f.as('officer').post(`/api/programmes/calls/${f.callId}/decisions`, {
      items: [{ applicationId: f.apps.b, decision: 'decline', reasonTemplate: 'misrepresented' }],
    });
    expect(ok.json()).toEqual({ approved: 0, declined: 1, noticeId: null });
  });

  it('list and read notices: admin, officer, leader', async () => {
    await expectOnly(READERS, 200, (w) => f.as(w).get('/api/programmes/notices'));
    await expectOnly(READERS, 200, (w) => f.as(w).get(`/api/programmes/notices/${noticeId}`));
  });

  it('list objections: admin, officer, leader', async () => {
    await expectOnly(READERS, 200, (w) => f.as(w).get(`/api/programmes/notices/${noticeId}/objections`));
  });

  it('confirm a notice: admin and officer (409 while it runs)', async () => {
    await expectOnly(DECIDERS, 409, (w) => f.as(w).post(`/api/programmes/notices/${noticeId}/confirm`));
  });

  it('handle an objection: admin and officer', async () => {
    await expectOnly(DECIDERS, 400, (w) =>
      f.as(w).post(`/api/programmes/objections/${objectionId}/handle`, {}),
    );
    const ok = await f.as('officer').post(`/api/programmes/objections/${objectionId}/handle`, {
      outcome: 'dismissed',
      response: '经核查，异议不成立。',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('answers 404 for a notice or objection that does not exist', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await f.as('officer').get(`/api/programmes/notices/${none}`)).statusCode).toBe(404);
    expect((await f.as('officer').get(`/api/programmes/notices/${none}/objections`)).statusCode).toBe(404);
    expect((await f.as('officer').post(`/api/programmes/notices/${none}/confirm`)).statusCode).toBe(404);
    expect(
      (
        await f
          .as('officer')
          .post(`/api/programmes/objections/${none}/handle`, { outcome: 'upheld', response: '异议成立。' })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await f.as('officer').post(`/api/programmes/calls/${none}/decisions`, {
          items: [{ applicationId: f.apps.a, decision: 'approve' }],
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('public endpoints', () => {
  it('answer every role and the anonymous alike', async () => {
    for (const who of ALL) {
      for (const url of [
        '/api/public/notices',
        `/api/public/notices/${noticeId}`,
        '/api/public/programme-results',
        '/api/public/programme-results.csv',
      ]) {
        const res = await f.as(who).get(url);
        expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(200);
      }
    }
  });

  it('let anyone file an objection', async () => {
    for (const who of ALL) {
      const res = await f.as(who).post(`/api/public/notices/${noticeId}/objections`, {
        applicationId: f.apps.a,
        name: '赵六',
        phone: '13700137000',
        text: `${who} 提出的异议：项目名称与企业主营业务不一致。`,
      });
      expect(res.statusCode, `${who}: ${res.body}`).toBe(201);
    }
    const count = await f.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM programme_objections');
    expect(count.rows[0]!.n).toBe(1 + ALL.length);
  });

  it('refuses a bad year with 400 naming the field', async () => {
    const res = await f.as('anonymous').get('/api/public/programme-results?year=17');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('querystring.year');
  });
});

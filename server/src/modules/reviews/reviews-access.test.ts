/**
 * Who may call each review endpoint, for every role and the anonymous: bureau staff set up the round, the leader
 * reads with them, only an assigned expert reviews; the applicant and everyone else are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import { ALL, type Who } from '../programmes/programmes.fixtures.ts';
import { COMMENT, FORM, reviewsFixture, type ReviewsFixture } from './reviews.fixtures.ts';

let f: ReviewsFixture;
let as: (who: Who) => Client;

beforeAll(async () => {
  f = await reviewsFixture();
  await f.setRound();
  // The expert of these checks is a panel member.
  as = (who) => (who === 'expert' ? f.expert('EXP-0001') : f.as(who));
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

const STAFF: Who[] = ['admin', 'officer'];
const READERS: Who[] = ['admin', 'officer', 'leader'];
const callUrl = (rest: string) => `/api/reviews/calls/${f.call.id}/${rest}`;
const appUrl = (rest = '') => `/api/reviews/applications/${f.apps.a.id}${rest}`;
const scores = { innovation: 8, market: 7, foundation: 9, benefit: 4 };

describe('review endpoints', () => {
  it('round: admin, officer and leader read; admin and officer set it up', async () => {
    await expectOnly(READERS, 200, (w) => as(w).get(callUrl('round')));
    await expectOnly(STAFF, 200, (w) =>
      as(w).put(callUrl('round'), {
        drawId: f.drawId,
        form: FORM,
        opensOn: '2026-11-20',
        closesOn: '2026-12-05',
      }),
    );
  });

  it('progress, results and calibration: admin, officer, leader', async () => {
    for (const path of ['progress', 'results', 'calibration'])
      await expectOnly(READERS, 200, (w) => as(w).get(callUrl(path)));
  });

  it('assignments, declaration, review, save and submit: the expert only', async () => {
    await expectOnly(['expert'], 200, (w) => as(w).get('/api/reviews/assignments'));
    await expectOnly(['expert'], 200, (w) => as(w).get(appUrl()));
    await expectOnly(['expert'], 200, (w) => as(w).post(appUrl('/declaration'), { conflict: false }));
    await expectOnly(['expert'], 200, (w) => as(w).put(appUrl('/review'), { scores, comments: {} }));
    await expectOnly(['expert'], 200, (w) => as(w).post(appUrl('/submit'), { scores, comments: COMMENT }));
  });

  it('an expert not on the panel gets 404 and an empty list', async () => {
    const outsider = f.expert('EXP-0099');
    expect((await outsider.get(appUrl())).statusCode).toBe(404);
    expect((await outsider.post(appUrl('/declaration'), { conflict: false })).statusCode).toBe(404);
    expect((await outsider.get('/api/reviews/assignments')).json()).toEqual({ items: [] });
  });

  it('an unknown call is 404 for readers', async () => {
    const res = await as('officer').get('/api/reviews/calls/00000000-0000-4000-8000-000000000000/results');
    expect(res.statusCode).toBe(404);
  });
});

/**
 * The demo review on a small demo registry: the demo expert (EXP-0001) is on the drawn panel of a call in expert
 * review whose window is open on the seed's day, three other members have submitted, and seeding twice changes
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentsResponse, ReviewDetail, RoundResponse } from '@jinke/core/reviews/api.contract.ts';
import { createTestApp, createUser, signIn, type TestContext } from '../../../test/harness.ts';
import { seedRegistry } from '../../db/seed/registry/index.ts';
import { systemContext } from '../../platform/context.ts';
import { demoReviewCallTitle, seedReviewsDemo } from './reviews.seed.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await seedRegistry(t.db, { scale: 0.1, today: t.clock.now(), ctx: systemContext('test') });
  await createUser(t.db, { username: 'officer', role: 'officer' });
  await createUser(t.db, { username: 'expert', role: 'expert', scopeId: 'EXP-0001' });
  const deps = { db: t.db, clock: () => t.clock.now() };
  await seedReviewsDemo(deps, systemContext('test'));
  await seedReviewsDemo(deps, systemContext('test'));
}, 300_000);
afterAll(() => t?.close());

describe('the demo review', () => {
  it('gives the demo expert four open assignments, and shows three others after submitting', async () => {
    const calls = await t.db.query<{ id: string }>('SELECT id FROM programme_calls WHERE title = $1', [
      demoReviewCallTitle(2026),
    ]);
    expect(calls.rows).toHaveLength(1);
    const officer = await signIn(t.app, 'officer');
    const round = (await officer.get(`/api/reviews/calls/${calls.rows[0]!.id}/round`)).json<RoundResponse>()
      .round!;
    expect(round.window).toEqual({ opensOn: '2026-11-23', closesOn: '2026-12-10', state: 'open' });
    expect(round.panel.map((m) => m.code)).toContain('EXP-0001');
    expect(round.frozen).toBe(true);
    const expert = await signIn(t.app, 'expert');
    const items = (await expert.get('/api/reviews/assignments')).json<AssignmentsResponse>().items;
    expect(items.map((i) => [i.status, i.window.state])).toEqual(Array(4).fill(['pending', 'open']));
    const id = items[0]!.applicationId;
    await expert.post(`/api/reviews/applications/${id}/declaration`, { conflict: false });
    const comments = Object.fromEntries(
      round.form.categories.map((c) => [c.id, '论证充分，技术路线清晰可行。']),
    );
    const scores = Object.fromEntries(round.form.categories.map((c) => [c.id, 8]));
    const done = (
      await expert.post(`/api/reviews/applications/${id}/submit`, { scores, comments })
    ).json<ReviewDetail>();
    expect(done.total).toEqual({ exact: '80', decimal: '80' });
    expect(done.others!.map((o) => o.label.zh)).toEqual(['专家A', '专家B', '专家C']);
  });
});

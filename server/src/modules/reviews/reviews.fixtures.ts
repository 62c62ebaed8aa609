/**
 * Review test data on the programmes fixture: experts EXP-0001…EXP-0007 with signed-in expert clients, a drawn
 * draw seating EXP-0001…EXP-0005 (EXP-0006/7 alternates) written straight into `draws`, and a call whose two
 * applications (firms A and B) have passed the formal check. The clock stands at 2026-11-26 (China time); the
 * round's default window runs 2026-11-20 … 2026-12-05.
 */
import type { ApplicationDetail, CallDetail } from '@jinke/core/programmes/api.contract.ts';
import type { RoundRequest } from '@jinke/core/reviews/api.contract.ts';
import { expect } from 'vitest';
import { signIn, userClient, type Client } from '../../../test/harness.ts';
import { expertCode, insertPool } from '../draws/draws.fixtures.ts';
import { programmesFixture, type ProgrammesFixture, type Who } from '../programmes/programmes.fixtures.ts';

export const PANEL = [1, 2, 3, 4, 5].map(expertCode);
export const ALTERNATES = [6, 7].map(expertCode);

export const FORM = {
  categories: [
    { id: 'innovation', name: { zh: '技术创新性', en: 'Innovation' }, max: 10, weight: 30, minComment: 5 },
    { id: 'market', name: { zh: '市场前景', en: 'Market' }, max: 10, weight: 25 },
    { id: 'foundation', name: { zh: '实施基础', en: 'Foundation' }, max: 10, weight: 25 },
    { id: 'benefit', name: { zh: '经济社会效益', en: 'Benefit' }, max: 5, weight: 20 },
  ],
  aggregation: { method: 'trimmed-mean' as const, trim: 1 },
  revealAfterSubmit: true,
};
export const COMMENT = { innovation: '创新点明确，技术路线可行' };

export interface ReviewsFixture extends ProgrammesFixture {
  call: CallDetail;
  apps: { a: ApplicationDetail; b: ApplicationDetail };
  drawId: string;
  /** A signed-in client for expert `code`. */
  expert(code: string): Client;
  setRound(over?: Partial<RoundRequest>): Promise<void>;
  /** Declares no conflict and submits `scores` for expert `code` on application `id`. */
  review(code: string, id: string, scores: Record<string, number>): Promise<void>;
  /** Moves the clock and signs the experts and staff in again. */
  travel(instant: string): Promise<void>;
}

export async function insertDrawnDraw(
  f: ProgrammesFixture,
  panel: string[],
  alternates: string[],
  status = 'drawn',
) {
  const drawn = status === 'drawn';
  const { rows } = await f.t.db.query<{ id: string }>(
    `INSERT INTO draws (title, subject, spec, applicants, status, pool_text, pool_hash, pool_size, funnel, seed,
       seed_source, key, panel, alternates, current_panel, current_alternates, algorithm, frozen_at, drawn_at)
     VALUES ('评审专家抽取', '测试', '{}', '[]', $1, 'pool', $2, 7, '{}', $3, $4, $5, $6::jsonb, $7::jsonb, $6::jsonb,
       $7::jsonb, 'test', now(), $8) RETURNING id`,
    [
      status,
      '0'.repeat(64),
      drawn ? 'seed' : null,
      drawn ? '见证人现场输入' : null,
      drawn ? 'key' : null,
      drawn ? JSON.stringify(panel) : null,
      drawn ? JSON.stringify(alternates) : null,
      drawn ? new Date() : null,
    ],
  );
  return rows[0]!.id;
}

export async function reviewsFixture(): Promise<ReviewsFixture> {
  const f = await programmesFixture();
  await insertPool(f.t.db, 7);
  const drawId = await insertDrawnDraw(f, PANEL, ALTERNATES);
  const experts = new Map<string, { username: string; client: Client }>();
  for (const code of [...PANEL, ...ALTERNATES, 'EXP-0099']) {
    const u = await userClient(f.t, { role: 'expert', scopeId: code });
    experts.set(code, { username: u.username, client: u });
  }
  const call = await f.openCall();
  const a = await f.start(call.id);
  await f.submit(a.id);
  const b = await f.start(call.id, 'other');
  await f.submit(b.id, 'other');
  await f.act('officer', a.id, 'accept');
  await f.act('officer', b.id, 'accept');
  const setRound = async (over: Partial<RoundRequest> = {}) => {
    const res = await f.as('officer').put(`/api/reviews/calls/${call.id}/round`, {
      drawId,
      form: FORM,
      opensOn: '2026-11-20',
      closesOn: '2026-12-05',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const expert = (code: string) => experts.get(code)!.client;
  const review = async (code: string, id: string, scores: Record<string, number>) => {
    const declared = await expert(code).post(`/api/reviews/applications/${id}/declaration`, {
      conflict: false,
    });
    expect(declared.statusCode, declared.body).toBe(200);
    f.t.clock.advance(60_000);
    const res = await expert(code).post(`/api/reviews/applications/${id}/submit`, {
      scores,
      comments: COMMENT,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const travel = async (instant: string) => {
    await f.travelTo(instant, ['officer', 'leader', 'admin'] as Who[]);
    for (const e of experts.values()) e.client = await signIn(f.t.app, e.username);
  };
  return { ...f, call, apps: { a, b }, drawId, expert, setRound, review, travel };
}

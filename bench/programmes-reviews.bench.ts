/**
 * Expert review results on PostgreSQL: one call with 1,000 applications that have passed expert review, a drawn
 * panel of 5 and 5,000 submitted reviews (random whole scores on the default form). `GET
 * /api/reviews/calls/:id/results` (the applications and reviews read, each weighted total and the trimmed mean in
 * exact rationals, the ranking) and `/calibration` are measured server-side (in-process inject) against a plain
 * `SELECT` of the 5,000 review rows in the same run. Target: results ≤ 1 s. Run with
 * `npm run bench programmes-reviews`.
 */
import { makeUscc } from '../core/src/common/ids/uscc.ts';
import { DEFAULT_CATEGORIES } from '../core/src/reviews/api.contract.ts';
import { weightedTotal } from '../core/src/reviews/aggregate.ts';
import { reviewForm } from '../core/src/reviews/review.contract.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import type { Database } from '../server/src/platform/db/index.ts';
import { printResults, signedInApp, withScratchPostgres } from './lib.ts';

const APPLICATIONS = 1000;
const PANEL = ['EXP-B001', 'EXP-B002', 'EXP-B003', 'EXP-B004', 'EXP-B005'];
const ROUNDS = 7;
const form = reviewForm.parse({
  categories: DEFAULT_CATEGORIES,
  aggregation: { method: 'trimmed-mean', trim: 1 },
});

/** A small deterministic generator, so every run scores the same. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

async function seed(db: Database): Promise<string> {
  const call = await db.query<{ id: string }>(
    `INSERT INTO programme_calls (kind, title, year, opens_on, closes_on, budget_fen, created_at)
     VALUES ('science_plan', '测评：科技计划项目', 2026, '2026-01-01', '2026-02-01', 0, now()) RETURNING id`,
  );
  const callId = call.rows[0]!.id;
  const n = Array.from({ length: APPLICATIONS }, (_, i) => i);
  await db.query(
    `INSERT INTO enterprises (uscc, name) SELECT u, '测评企业' || i FROM unnest($1::text[], $2::int[]) AS t(u, i)`,
    [n.map(usccOf), n],
  );
  await db.query(
    `INSERT INTO programme_applications (call_id, enterprise_id, phase, form_data, submitted_at, created_at, updated_at)
     SELECT $1, e.id, 'decision', jsonb_build_object('projectTitle', '测评项目' || e.name), now(), now(), now()
     FROM enterprises e WHERE e.uscc = ANY($2::text[])`,
    [callId, n.map(usccOf)],
  );
  await db.query(
    `INSERT INTO programme_application_events (application_id, from_phase, to_phase, action, at)
     SELECT id, 'formal_check', 'expert_review', 'accept', now() FROM programme_applications WHERE call_id = $1`,
    [callId],
  );
  await db.query(`INSERT INTO experts (code, name) SELECT c, '测评专家' || c FROM unnest($1::text[]) AS c`, [
    PANEL,
  ]);
  const draw = await db.query<{ id: string }>(
    `INSERT INTO draws (title, subject, spec, applicants, status, pool_text, pool_hash, pool_size, funnel, seed,
       seed_source, key, panel, alternates, current_panel, current_alternates, algorithm, frozen_at, drawn_at)
     VALUES ('测评抽取', '测评', '{}', '[]', 'drawn', 'pool', $1, 5, '{}', 's', '测评', 'k', $2::jsonb, '[]', $2::jsonb,
       '[]', 'bench', now(), now()) RETURNING id`,
    ['0'.repeat(64), JSON.stringify(PANEL)],
  );
  const round = await db.query<{ id: string }>(
    `INSERT INTO review_rounds (call_id, draw_id, form, opens_on, closes_on, frozen_at, created_at, updated_at)
     VALUES ($1, $2, $3::jsonb, '2026-02-02', '2026-02-20', now(), now(), now()) RETURNING id`,
    [callId, draw.rows[0]!.id, JSON.stringify(form)],
  );
  const apps = await db.query<{ id: string }>('SELECT id FROM programme_applications WHERE call_id = $1', [
    callId,
  ]);
  const random = lcg(20261127);
  const rows = apps.rows.flatMap((a) =>
    PANEL.map((code) => {
      const scores = Object.fromEntries(
        form.categories.map((c) => [c.id, Math.floor(random() * (c.max + 1))]),
      );
      return { a: a.id, code, scores: JSON.stringify(scores), total: weightedTotal(form, scores).toString() };
    }),
  );
  await db.query(
    `INSERT INTO reviews (round_id, application_id, expert_code, status, scores, total, form_version, declared_at,
       submitted_at, updated_at)
     SELECT $1, t.a::uuid, t.code, 'submitted', t.scores::jsonb, t.total, 1, now(), now(), now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(a, code, scores, total)`,
    [
      round.rows[0]!.id,
      rows.map((r) => r.a),
      rows.map((r) => r.code),
      rows.map((r) => r.scores),
      rows.map((r) => r.total),
    ],
  );
  await db.exec('ANALYZE');
  return callId;
}

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccOf(i: number): string {
  return makeUscc(
    `91350582MARTW${CHARS[Math.floor(i / 961) % 31]}${CHARS[Math.floor(i / 31) % 31]}${CHARS[i % 31]}0`,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function run(): Promise<void> {
  await withScratchPostgres('jinke_bench_reviews', async (db) => {
    await prepareDatabase(db);
    const callId = await seed(db);
    const { app, headers } = await signedInApp(db, 'officer');
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json<{ items: unknown[] }>();
    };
    const results: number[] = [];
    const calibrations: number[] = [];
    const selects: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const t0 = performance.now();
      const r = await get(`/api/reviews/calls/${callId}/results`);
      const t1 = performance.now();
      await get(`/api/reviews/calls/${callId}/calibration`);
      const t2 = performance.now();
      const plain = await db.query('SELECT * FROM reviews');
      const t3 = performance.now();
      if (r.items.length !== APPLICATIONS || plain.rows.length !== APPLICATIONS * PANEL.length)
        throw new Error('unexpected row counts');
      if (round === 0) continue; // warm-up: plans, caches, JIT
      results.push(t1 - t0);
      calibrations.push(t2 - t1);
      selects.push(t3 - t2);
    }
    await app.close();
    const baseline = {
      name: `plain SELECT of ${APPLICATIONS * PANEL.length} review rows`,
      value: median(selects),
    };
    printResults(
      `review results on the server (PostgreSQL): ${APPLICATIONS} applications × ${PANEL.length} reviews, ` +
        `trimmed mean (median of ${ROUNDS})`,
      [
        {
          name: 'GET /api/reviews/calls/:id/results',
          value: median(results),
          unit: 'ms',
          baseline,
          target: '≤ 1,000 ms',
          ok: median(results) <= 1000,
        },
        { name: 'GET /api/reviews/calls/:id/calibration', value: median(calibrations), unit: 'ms', baseline },
      ],
    );
  });
}

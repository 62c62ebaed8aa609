/**
 * Expert draws through the server on PostgreSQL: 40,000 experts in the registry, 20 applicants (with staff among the
 * experts, declared relations and patent co-applicants), `POST /api/draws` (read the registry, freeze with avoidance,
 * store the pool as its canonical text with its hash) then `POST /api/draws/:id/seed` (load the pool text, draw 7 + 3)
 * measured server-side (in-process inject), against a plain `SELECT` of the 40,000 expert rows in the same run; the
 * parts are printed under the total. Also `runDraw` alone over the published pool (core, SM3 in TypeScript, as the
 * browser runs it) and the public record re-checked as the public page does. Target: create + seed ≤ 200 ms (ADR
 * 0005, "Speed"). Run with `npm run bench draws-server`.
 */
import { makeUscc } from '../core/src/common/ids/uscc.ts';
import type { PublicDraw } from '../core/src/draws/draws-api.contract.ts';
import { runDraw } from '../core/src/draws/draw.ts';
import { checkPublishedDraw } from '../core/src/draws/published.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import type { Database } from '../server/src/platform/db/index.ts';
import { printResults, signedInApp, withScratchPostgres } from './lib.ts';

const EXPERTS = 40_000;
const APPLICANTS = 20;
const ROUNDS = 7;
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function usccOf(i: number): string {
  const body = `${CHARS[Math.floor(i / 961) % 31]}${CHARS[Math.floor(i / 31) % 31]}${CHARS[i % 31]}`;
  return makeUscc(`91350582MABEN${body}0`);
}

const expertCode = (i: number) => `EXP-${String(i).padStart(6, '0')}`;

async function seedRegistry(db: Database): Promise<string[]> {
  const applicants = Array.from({ length: APPLICANTS }, (_, a) => usccOf(a));
  const ids: string[] = [];
  for (const [a, uscc] of applicants.entries()) {
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO enterprises (uscc, name) VALUES ($1, $2) RETURNING id',
      [uscc, `测评申报企业${a + 1}`],
    );
    ids.push(rows[0]!.id);
  }
  const FIELDS = ['40303', '40306', '10201', '10203', '60101', '80401'];
  for (let from = 1; from <= EXPERTS; from += 5000) {
    const batch = Array.from({ length: Math.min(5000, EXPERTS - from + 1) }, (_, k) => from + k);
    await db.query(
      `INSERT INTO experts (code, name, panel_kind, available, fields, ipc_classes, employer_uscc, relations)
       SELECT t.code, t.name, t.kind, t.available, ARRAY[t.field], ARRAY['A43B'], t.employer, t.relations::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[])
         AS t(code, name, kind, available, field, employer, relations)`,
      [
        batch.map(expertCode),
        batch.map((i) => `专家${i}`),
        batch.map((i) => (i % 6 === 0 ? 'financial' : 'technical')),
        batch.map((i) => i % 13 !== 0),
        batch.map((i) => FIELDS[i % FIELDS.length]!),
        batch.map((i) => usccOf(i % 5000)),
        batch.map((i) =>
          JSON.stringify(
            i % 97 === 0 ? [{ kind: 'shareholder', uscc: usccOf(i % APPLICANTS), name: '申报企业' }] : [],
          ),
        ),
      ],
    );
  }
  // Each applicant filed a patent last year with one expert as a person co-applicant.
  for (const [a, id] of ids.entries()) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO patents (application_no, type, title, filed_on, legal_status, applicant_kind, expires_on)
       VALUES ($1, 'invention', '一种鞋底', '2025-03-01', 'pending', 'enterprise', '2045-03-01') RETURNING id`,
      [`CN2025100${String(a).padStart(5, '0')}.1`],
    );
    await db.query(
      `INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name)
       VALUES ($1, 1, 'enterprise', $2, $3), ($1, 2, 'person', NULL, $4)`,
      [rows[0]!.id, id, `测评申报企业${a + 1}`, `专家${a * 31 + 1}`],
    );
  }
  await db.exec('ANALYZE');
  return applicants;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export default async function run(): Promise<void> {
  await withScratchPostgres('jinke_bench_draws', async (db) => {
    await prepareDatabase(db);
    const applicants = await seedRegistry(db);
    const { app, headers } = await signedInApp(db, 'officer');
    const post = async (url: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json<{ id: string }>();
    };
    const body = {
      title: '测评：高企认定评审专家抽取',
      subject: '测评批次',
      spec: {
        panelSize: 7,
        alternates: 3,
        composition: [
          { kind: 'technical', minPercent: 60 },
          { kind: 'financial', min: 1 },
        ],
        maxLoad: 6,
      },
      applicants,
    };
    const creates: number[] = [];
    const seeds: number[] = [];
    const totals: number[] = [];
    const selects: number[] = [];
    const verifies: number[] = [];
    const coreDraws: number[] = [];
    let lastId = '';
    for (let round = 0; round <= ROUNDS; round++) {
      const t0 = performance.now();
      const { id } = await post('/api/draws', body);
      const t1 = performance.now();
      await post(`/api/draws/${id}/seed`, { seed: `见证人 ${round}`, seedSource: '见证人现场输入' });
      const t2 = performance.now();
      await db.query(
        `SELECT code, name, panel_kind, available, fields, ipc_classes, employer_uscc, institute_id, relations
         FROM experts`,
      );
      const t3 = performance.now();
      const record = (await app.inject({ method: 'GET', url: `/api/public/draws/${id}` })).json<PublicDraw>();
      const t4 = performance.now();
      if (!checkPublishedDraw(record).matches) throw new Error('the public record does not verify');
      const t5 = performance.now();
      if (!runDraw(record.pool, record.seed!).ok) throw new Error('the draw failed');
      const t6 = performance.now();
      lastId = id;
      if (round === 0) continue; // warm-up: plans, caches, JIT
      creates.push(t1 - t0);
      seeds.push(t2 - t1);
      totals.push(t2 - t0);
      selects.push(t3 - t2);
      verifies.push(t5 - t4);
      coreDraws.push(t6 - t5);
    }
    const { rows } = await db.query<{ pool_size: number }>('SELECT pool_size FROM draws WHERE id = $1', [
      lastId,
    ]);
    await app.close();
    const baseline = {
      name: `plain SELECT of ${EXPERTS.toLocaleString('en')} expert rows`,
      value: median(selects),
    };
    printResults(
      `draws on the server (PostgreSQL): ${EXPERTS.toLocaleString('en')} experts, ${APPLICANTS} applicants, ` +
        `7 + 3, pool of ${rows[0]?.pool_size ?? '?'} (median of ${ROUNDS})`,
      [
        {
          name: 'POST /api/draws + POST seed',
          value: median(totals),
          unit: 'ms',
          baseline,
          target: '≤ 200 ms',
          ok: median(totals) <= 200,
        },
        {
          name: 'POST /api/draws (freeze with avoidance, store)',
          value: median(creates),
          unit: 'ms',
          baseline,
        },
        { name: 'POST /api/draws/:id/seed (draw, store)', value: median(seeds), unit: 'ms', baseline },
        {
          name: 'runDraw alone over the published pool (core, hashes the pool in TypeScript)',
          value: median(coreDraws),
          unit: 'ms',
          baseline,
        },
        {
          name: 'checkPublishedDraw on the public record (as the browser does)',
          value: median(verifies),
          unit: 'ms',
          target: '≤ 1,000 ms',
          ok: median(verifies) <= 1000,
        },
      ],
    );
  });
}

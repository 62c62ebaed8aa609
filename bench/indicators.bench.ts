/**
 * The indicator overview at `--scale 10` (≈80,000 enterprises; ≈430,000 generated patents topped up to the issue's
 * million) on PostgreSQL:
 * `GET /api/indicators/overview?year=2018` (every indicator, every town, targets and formulas) measured
 * server-side with in-process inject, and one drill-down page. The overview reads the stored per-year counts
 * (ADR 0010); its baseline, in the same run, is the same request right after a registry write, which recounts the
 * year from the raw tables — itself compared with the plainest scan of them, one count of the year's patent
 * filings grouped by town. Targets: overview ≤ 300 ms, the annual .docx ≤ 3 s. BENCH_INDICATORS_SCALE overrides the scale.
 */
import { systemContext } from '../server/src/platform/context.ts';
import type { Database } from '../server/src/platform/db/index.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import { seedRegistry } from '../server/src/db/seed/registry/index.ts';
import { seedIndicatorsDemo } from '../server/src/modules/indicators/index.ts';
import { percentile, printResults, signedInApp, withScratchPostgres } from './lib.ts';

const SCALE = Number(process.env.BENCH_INDICATORS_SCALE ?? 10);
/** The bench set has about a million patents; the generated registry is topped up to this many. */
const PATENTS = Number(process.env.BENCH_INDICATORS_PATENTS ?? 1_000_000);

/**
 * Copies generated patents (with new application numbers, dates kept) until there are `target`: a registry of the
 * issue's size, whose years, towns and types are distributed as the generated ones are.
 */
async function topUpPatents(db: Database, target: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM patents');
  const missing = target - (rows[0]?.n ?? 0);
  if (missing <= 0) return rows[0]?.n ?? 0;
  await db.query(
    `INSERT INTO patents (application_no, type, title, ipc_codes, filed_on, published_on, granted_on, legal_status,
                          lapsed_on, applicant_kind, town_code, expires_on)
     SELECT 'B' || k || '-' || p.application_no, p.type, p.title, p.ipc_codes, p.filed_on, p.published_on,
            p.granted_on, p.legal_status, p.lapsed_on, p.applicant_kind, p.town_code, p.expires_on
       FROM generate_series(1, 3) k CROSS JOIN patents p
      LIMIT $1`,
    [missing],
  );
  return target;
}
const ROUNDS = 7;

async function median(run: () => Promise<void>): Promise<number> {
  await run(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return percentile(
    samples.sort((a, b) => a - b),
    50,
  );
}

export default async function run(): Promise<void> {
  await withScratchPostgres('jinke_bench_indicators', async (db) => {
    await prepareDatabase(db);
    const result = await seedRegistry(db, { scale: SCALE, today: new Date() });
    const patents = await topUpPatents(db, PATENTS);
    await db.query('ANALYZE');
    await seedIndicatorsDemo({ db, clock: () => new Date() }, systemContext('bench'));
    const { app, headers } = await signedInApp(db, 'leader');
    const get = async (path: string) => {
      const res = await app.inject({ method: 'GET', url: path, headers });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    };
    const overview = await median(() => get('/api/indicators/overview?year=2018'));
    // The same request right after a registry write: the year is recounted from the raw tables (ADR 0010).
    const cold = await median(async () => {
      await db.query('UPDATE registry_data_version SET version = version + 1 WHERE id = 1');
      await get('/api/indicators/overview?year=2018');
    });
    const drill = await median(() => get('/api/indicators/patents.valid_invention/records?year=2018&page=1'));
    const docx = await median(() => get('/api/indicators/report/annual.docx?year=2017'));
    const scan = await median(async () => {
      await db.query(
        `SELECT town_code, count(*) FROM patents WHERE filed_on BETWEEN '2018-01-01' AND '2018-12-31' GROUP BY town_code`,
      );
    });
    await app.close();
    console.log(
      `\nscale ${SCALE}: ${result.counts.enterprises ?? '?'} enterprises, ${result.counts.patents ?? '?'} patents ` +
        `generated, ${patents} after the top-up (BENCH_INDICATORS_PATENTS)`,
    );
    printResults(`Indicators on PostgreSQL, scale ${SCALE} (server-side, median of ${ROUNDS})`, [
      {
        name: 'GET /api/indicators/overview (all indicators, all towns)',
        value: overview,
        unit: 'ms',
        baseline: { name: 'the same, recounted from the raw tables after a registry write', value: cold },
        target: '≤ 300 ms',
        ok: overview <= 300,
      },
      {
        name: 'GET /api/indicators/overview right after a registry write (recount)',
        value: cold,
        unit: 'ms',
        baseline: { name: "one grouped count of the year's patent filings", value: scan },
      },
      {
        name: 'GET /api/indicators/:id/records (valid inventions, first page)',
        value: drill,
        unit: 'ms',
        baseline: { name: "one grouped count of the year's patent filings", value: scan },
      },
      {
        name: 'GET /api/indicators/report/annual.docx (2017)',
        value: docx,
        unit: 'ms',
        baseline: { name: 'the overview it is written from', value: overview },
        target: '≤ 3,000 ms',
        ok: docx <= 3000,
      },
    ]);
  });
}

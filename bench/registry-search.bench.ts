/**
 * Registry search at `--scale 10` (≈80,000 enterprises, ≈430,000 patents) on PostgreSQL: p50/p95 of
 * `GET /api/enterprises?q=…` and `GET /api/patents?q=…` measured server-side (in-process inject, so no socket
 * time), against a naive `ILIKE '%…%'` scan with the same count + first page in the same run.
 * Target: p95 ≤ 20 ms. BENCH_SEARCH_SCALE overrides the scale.
 */
import type { Database } from '../server/src/platform/db/index.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import { seedRegistry } from '../server/src/db/seed/registry/index.ts';
import { percentile, printResults, signedInApp, withScratchPostgres } from './lib.ts';

const SCALE = Number(process.env.BENCH_SEARCH_SCALE ?? 10);
const ROUNDS = 5;
const ENTERPRISE_TERMS = [
  '浔兴',
  '拉链',
  '鞋业',
  '纺织',
  '食品',
  '陶瓷',
  '纸业',
  '石墨烯',
  '科技',
  '陈埭',
  '服饰',
  '新材料',
];
const PATENT_TERMS = ['鞋底', '拉链', '纺织', '陶瓷', '包装', '电路', '检测', '装置', '石墨烯', '面料'];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function timeEach(terms: string[], run: (term: string) => Promise<void>): Promise<number[]> {
  for (const term of terms) await run(term); // warm-up: plans and caches
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const term of terms) {
      const t0 = performance.now();
      await run(term);
      samples.push(performance.now() - t0);
    }
  }
  return samples;
}

async function naive(db: Database, table: 'enterprises' | 'patents', term: string): Promise<void> {
  const column = table === 'enterprises' ? "coalesce(name, '') || ' ' || coalesce(address, '')" : 'title';
  const like = `%${term}%`;
  await db.query(`SELECT count(*) FROM ${table} WHERE ${column} ILIKE $1`, [like]);
  await db.query(`SELECT id FROM ${table} WHERE ${column} ILIKE $1 ORDER BY id LIMIT 20`, [like]);
}

export default async function run(): Promise<void> {
  await withScratchPostgres('jinke_bench_search', async (db) => {
    await prepareDatabase(db);
    const seeded = performance.now();
    const result = await seedRegistry(db, { scale: SCALE, today: new Date() });
    const seedSeconds = (performance.now() - seeded) / 1000;
    const { app, headers } = await signedInApp(db, 'officer');
    const get = async (path: string) => {
      const res = await app.inject({ method: 'GET', url: path, headers });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    };
    const ent = stats(
      await timeEach(ENTERPRISE_TERMS, (t) => get(`/api/enterprises?q=${encodeURIComponent(t)}&pageSize=20`)),
    );
    const entNaive = stats(await timeEach(ENTERPRISE_TERMS, (t) => naive(db, 'enterprises', t)));
    const pat = stats(
      await timeEach(PATENT_TERMS, (t) => get(`/api/patents?q=${encodeURIComponent(t)}&pageSize=20`)),
    );
    const patNaive = stats(await timeEach(PATENT_TERMS, (t) => naive(db, 'patents', t)));
    await app.close();
    const counts = result.counts;
    console.log(
      `\nseeded scale ${SCALE} in ${seedSeconds.toFixed(1)} s: ${counts.enterprises ?? '?'} enterprises, ${counts.patents ?? '?'} patents`,
    );
    printResults(`Registry search on PostgreSQL, scale ${SCALE} (server-side, ${ROUNDS} rounds)`, [
      {
        name: 'enterprise search p95',
        value: ent.p95,
        unit: 'ms',
        baseline: { name: 'ILIKE scan p95', value: entNaive.p95 },
        target: '≤ 20 ms',
        ok: ent.p95 <= 20,
      },
      {
        name: 'enterprise search p50',
        value: ent.p50,
        unit: 'ms',
        baseline: { name: 'ILIKE scan p50', value: entNaive.p50 },
      },
      {
        name: 'patent search p95',
        value: pat.p95,
        unit: 'ms',
        baseline: { name: 'ILIKE scan p95', value: patNaive.p95 },
        target: '≤ 20 ms',
        ok: pat.p95 <= 20,
      },
      {
        name: 'patent search p50',
        value: pat.p50,
        unit: 'ms',
        baseline: { name: 'ILIKE scan p50', value: patNaive.p50 },
      },
    ]);
  });
}

/**
 * Demo registry seed (`seedRegistry`, scale 1: ~8,000 enterprises, ~43,000 patents and their neighbours) into a
 * fresh in-memory PGlite and a fresh PostgreSQL database, against a baseline measured in the same run on the same
 * backend: inserting as many rows of a two-column table in the same batches. Target: ≤ 30 s per backend.
 */
import { openPglite } from '../server/src/platform/db/pglite.ts';
import type { Database } from '../server/src/platform/db/index.ts';
import { prepareDatabase } from '../server/src/db/prepare.ts';
import { seedRegistry } from '../server/src/db/seed/registry/index.ts';
import { insertRows } from '../server/src/db/seed/registry/insert.ts';
import { printResults, withScratchPostgres, type BenchResult } from './lib.ts';

const SCALE = Number(process.env.BENCH_REGISTRY_SCALE ?? 1);
const TARGET_S = 30;

/** Seconds to seed, and the number of rows written. */
async function seed(db: Database): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const result = await seedRegistry(db, { scale: SCALE, today: new Date() });
  const seconds = (performance.now() - started) / 1000;
  if (!result.seeded) throw new Error('the benchmark database already had a registry');
  return { seconds, rows: Object.values(result.counts).reduce((a, b) => a + b, 0) };
}

/** Seconds to insert `rows` trivial rows in batches of 1,000 in one transaction: what the backend costs by itself. */
async function baseline(db: Database, rows: number): Promise<number> {
  await db.exec('CREATE TABLE bench_baseline (id integer PRIMARY KEY, label text NOT NULL)');
  const data = Array.from({ length: rows }, (_, i) => ({ id: i + 1, label: `row ${i + 1}` }));
  const started = performance.now();
  await db.transaction((tx) => insertRows(tx, 'bench_baseline', ['id', 'label'], data));
  const seconds = (performance.now() - started) / 1000;
  await db.exec('DROP TABLE bench_baseline');
  return seconds;
}

function result(backend: string, s: { seconds: number; rows: number }, base: number): BenchResult {
  return {
    name: `seedRegistry scale ${SCALE} on ${backend} (${s.rows.toLocaleString('en-US')} rows)`,
    value: s.seconds,
    unit: 's',
    baseline: { name: `insert ${s.rows.toLocaleString('en-US')} two-column rows`, value: base },
    target: `≤ ${TARGET_S} s`,
    ok: s.seconds <= TARGET_S,
  };
}

async function onPglite(): Promise<BenchResult> {
  const db = await openPglite(null);
  try {
    await prepareDatabase(db);
    const s = await seed(db);
    return result('PGlite (in memory)', s, await baseline(db, s.rows));
  } finally {
    await db.close();
  }
}

async function onPostgres(): Promise<BenchResult> {
  return withScratchPostgres('jinke_bench_seed', async (db) => {
    await prepareDatabase(db);
    const s = await seed(db);
    return result('PostgreSQL', s, await baseline(db, s.rows));
  });
}

export default async function run(): Promise<void> {
  printResults('Registry: demo seed', [await onPglite(), await onPostgres()]);
}

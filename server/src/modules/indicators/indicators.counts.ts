/**
 * The indicator aggregates (ADR 0010): for a year, the number of rows each named query counts per town and month,
 * stored in `indicator_counts` with the registry data version they were computed from. Reading the overview reads
 * these rows; when the registry has changed since (a write bumps `registry_data_version` in its transaction), the
 * first reader recomputes the whole year from the named queries in one transaction, so a figure is never older
 * than the last committed registry write and readers never see half a year.
 */
import type { Database, Executor } from '../../platform/db/index.ts';
import { QUERIES, type QueryName } from './indicators.queries.ts';

export interface CountedQuery {
  query: QueryName;
  /** A flow (counted over the year) keeps its months; a year-end stock is stored as month 0. */
  monthly: boolean;
}

export interface YearCounts {
  /** query → town ('' when the row has no town) → the twelve months' counts (index 0 = January) or [stock]. */
  byQuery: Map<string, Map<string, number[]>>;
  dataVersion: string;
  /** True when this read recomputed the year (the registry had changed). */
  recomputed: boolean;
}

/** The registry data version: bumped in the transaction of every write to a table the indicators read. */
export async function currentVersion(ex: Executor): Promise<string> {
  const { rows } = await ex.query<{ version: string }>(
    'SELECT version::text AS version FROM registry_data_version WHERE id = 1',
  );
  return rows[0]?.version ?? '0';
}

async function storedVersion(ex: Executor, year: number): Promise<string | null> {
  const { rows } = await ex.query<{ version: string }>(
    'SELECT data_version::text AS version FROM indicator_count_state WHERE year = $1',
    [year],
  );
  return rows[0]?.version ?? null;
}

/** Recomputes one year's counts from the named queries and records the version they reflect. */
async function recompute(
  tx: Executor,
  year: number,
  queries: readonly CountedQuery[],
  version: string,
  now: Date,
): Promise<void> {
  const started = performance.now();
  await tx.query('DELETE FROM indicator_counts WHERE year = $1', [year]);
  for (const { query, monthly } of queries) {
    const month = monthly ? 'COALESCE(extract(month FROM b.date::date)::int, 0)' : '0';
    await tx.query(
      `INSERT INTO indicator_counts (year, query, town_code, month, n)
       SELECT $3::int, $4::text, COALESCE(b.town_code, ''), ${month}, count(*)::int
         FROM (${QUERIES[query]}) b WHERE $1::date <= $2::date
        GROUP BY 1, 2, 3, 4`,
      [`${year}-01-01`, `${year}-12-31`, year, query],
    );
  }
  await tx.query(
    `INSERT INTO indicator_count_state (year, data_version, computed_at, duration_ms)
     VALUES ($1, $2::bigint, $3, $4)
     ON CONFLICT (year) DO UPDATE SET data_version = EXCLUDED.data_version,
       computed_at = EXCLUDED.computed_at, duration_ms = EXCLUDED.duration_ms`,
    [year, version, now.toISOString(), Math.round(performance.now() - started)],
  );
}

/** The year's counts, recomputed first when the registry changed since they were stored. */
export async function yearCounts(
  db: Database,
  year: number,
  queries: readonly CountedQuery[],
  now: Date,
): Promise<YearCounts> {
  let version = await currentVersion(db);
  let recomputed = false;
  if ((await storedVersion(db, year)) !== version) {
    await db.transaction(async (tx) => {
      // One recomputation per year at a time; a second reader waits, then finds it done.
      await tx.query('SELECT pg_advisory_xact_lock(7310, $1::int)', [year]);
      version = await currentVersion(tx);
      if ((await storedVersion(tx, year)) === version) return;
      await recompute(tx, year, queries, version, now);
      recomputed = true;
    });
  }
  const { rows } = await db.query<{ query: string; town_code: string; month: number; n: number }>(
    'SELECT query, town_code, month, n FROM indicator_counts WHERE year = $1',
    [year],
  );
  const byQuery = new Map<string, Map<string, number[]>>();
  for (const { query, monthly } of queries)
    byQuery
      .set(query, new Map<string, number[]>())
      .get(query)!
      .set('', monthly ? months() : [0]);
  for (const r of rows) {
    const towns = byQuery.get(r.query);
    if (!towns) continue;
    const monthly = queries.find((q) => q.query === r.query)?.monthly ?? false;
    const series = towns.get(r.town_code) ?? (monthly ? months() : [0]);
    series[monthly ? Math.max(Number(r.month), 1) - 1 : 0]! += Number(r.n);
    towns.set(r.town_code, series);
  }
  // The '' entry seeded above is the rows without a town; drop it when there are none.
  for (const towns of byQuery.values()) if (towns.get('')!.every((n) => n === 0)) towns.delete('');
  return { byQuery, dataVersion: version, recomputed };
}

const months = () => Array.from({ length: 12 }, () => 0);

export const total = (series: readonly number[]) => series.reduce((s, n) => s + n, 0);

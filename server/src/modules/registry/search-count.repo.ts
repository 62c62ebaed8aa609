/**
 * Counting the matches of a registry text search without reading them all. A broad query (装置 matches a sixth of
 * all patents) would otherwise cost an exact `count(*)` plus a relevance sort over every match on each page. The
 * lists count at most `cap + 1` matches, report `total = min(count, cap)` with `totalCapped`, and rank by
 * relevance only when the matches fit under the cap; broader searches order by an indexed key instead.
 */
import type { Executor, SqlValue } from '../../platform/db/index.ts';

export interface SearchCounting {
  /** Count at most this many matches; null counts them all (exports, whose audit entry gives the row count). */
  countCap: number | null;
  /**
   * Without a cap (exports), rank at most this many matches by relevance; with one, the cap is the limit. Broader
   * searches page by an indexed key.
   */
  rankLimit: number;
}

/**
 * The caps of each list. Counting costs grow with the cap, paging a broad search by an indexed key with the table's
 * size over the cap; at the benchmark scale (80,000 enterprises, 430,000 patents) 1,000 measured best for both
 * (2,000 for patents was no faster at p95 and slower at p50). Pages beyond 50 × 20 rows are not browsed by hand.
 */
export const searchCounting = {
  enterprises: { countCap: 1000, rankLimit: 1000 },
  patents: { countCap: 1000, rankLimit: 1000 },
} as const satisfies Record<string, SearchCounting>;

/** The same caps, counting every match (exports). */
export const exactCounting = (c: SearchCounting): SearchCounting => ({ ...c, countCap: null });

const rankLimitOf = (c: SearchCounting): number => c.countCap ?? c.rankLimit;

export interface MatchCount {
  /** min(matches, cap) */
  total: number;
  /** More rows match than `total` says. */
  capped: boolean;
  /** Too many matches to rank them all: order by an indexed key. */
  broad: boolean;
}

/**
 * Counts the rows of `from` meeting `where` (whose parameters are `params`), stopping after `cap + 1`. Without a cap
 * the count is exact, and the search still counts as broad past the rank limit so that ranking stays bounded.
 */
export async function countMatches(
  ex: Executor,
  from: string,
  where: string,
  params: readonly SqlValue[],
  counting: SearchCounting,
): Promise<MatchCount> {
  const cap = counting.countCap;
  if (cap === null) {
    const { total } = await countAll(ex, from, where, params);
    return { total, capped: false, broad: total > counting.rankLimit };
  }
  const limit = `$${params.length + 1}`;
  const { rows } = await ex.query<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${limit}) AS matches`,
    [...params, cap + 1],
  );
  const n = Number(rows[0]?.n ?? 0);
  return { total: Math.min(n, cap), capped: n > cap, broad: n > cap };
}

/** Exact counts for lists without a text query, which an officer reads as figures ("this town has 4,213"). */
export async function countAll(
  ex: Executor,
  from: string,
  where: string,
  params: readonly SqlValue[],
): Promise<MatchCount> {
  const { rows } = await ex.query<{ n: string }>(`SELECT count(*) AS n FROM ${from} WHERE ${where}`, params);
  return { total: Number(rows[0]?.n ?? 0), capped: false, broad: false };
}

export interface RelevanceSearch {
  /** `enterprises e`, say; `where` and the selected columns use its alias. */
  from: string;
  where: string;
  params: readonly SqlValue[];
  /** What the ranking reads, named as `order` uses them on `m` (e.g. `e.id, e.name, e.search_vector`). */
  columns: string;
  /** The relevance order over the matches `m`, ending in a unique key. */
  order: string;
  counting: SearchCounting;
  limit: number;
  offset: number;
}

export interface RelevancePage {
  total: number;
  capped: boolean;
  /** The page's ids in relevance order; null for a broad search, whose page the caller reads by an indexed key. */
  ids: string[] | null;
}

/**
 * Counts and ranks a text search in one pass over at most `cap + 1` matches: a narrow search reads its matches once
 * for both, a broad one stops after `cap + 1` and ranks nothing. Without a cap (exports) the count is exact and a
 * search still ranks only up to its rank limit.
 */
export async function relevancePage(ex: Executor, s: RelevanceSearch): Promise<RelevancePage> {
  const exact = s.counting.countCap === null;
  const cap = rankLimitOf(s.counting);
  const n = s.params.length;
  const { rows } = await ex.query<{ matches: string; exact: string | null; ids: string[] | null }>(
    `WITH m AS MATERIALIZED (SELECT ${s.columns} FROM ${s.from} WHERE ${s.where} LIMIT $${n + 1}),
          counted AS (SELECT count(*) AS c FROM m)
     SELECT counted.c AS matches,
            ${exact ? `(SELECT count(*) FROM ${s.from} WHERE ${s.where})` : 'NULL'} AS exact,
            CASE WHEN counted.c <= $${n + 2}
                 THEN ARRAY(SELECT m.id::text FROM m ORDER BY ${s.order} LIMIT $${n + 3} OFFSET $${n + 4}) END AS ids
       FROM counted`,
    [...s.params, cap + 1, cap, s.limit, s.offset],
  );
  const matches = Number(rows[0]?.matches ?? 0);
  const ids = rows[0]?.ids ?? null;
  if (exact) return { total: Number(rows[0]?.exact ?? 0), capped: false, ids };
  return { total: Math.min(matches, cap), capped: ids === null, ids };
}

/**
 * The test `vector @@ query` written as the function behind the operator, for the page of a search known to be
 * broad. The planner uses no GIN index for it and takes it to keep a third of the rows, so it walks the index of
 * the sort key and stops after the page. With `@@` it may instead read and sort every match: it estimates a CJK
 * word's bigrams as independent, so 石墨烯 ('石墨' & '墨烯') looks fifty times rarer than it is.
 */
export function walkingMatch(vector: string, query: string): string {
  return `ts_match_vq(${vector}, ${query})`;
}

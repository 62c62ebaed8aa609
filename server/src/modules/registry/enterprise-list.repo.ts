/**
 * The enterprise list: Chinese full-text search over name, former names and address (`search_tokens`, see
 * platform/search), filters, sorting and paging, always inside the actor's scope.
 */
import type { Executor, SqlValue } from '../../platform/db/index.ts';
import type { ScopeFilter } from '../../platform/scope.ts';
import {
  type SearchCounting,
  countAll,
  countMatches,
  relevancePage,
  walkingMatch,
} from './search-count.repo.ts';

export interface EnterpriseListFilter {
  /** A `to_tsquery('simple', …)` expression from `segmentQuery`. */
  tsquery: string | null;
  /** The query as typed (trimmed), for exact and prefix name matches; null without a query. */
  text: string | null;
  /** How a text query counts and ranks its matches (search-count.repo.ts). */
  search: SearchCounting;
  town?: string | undefined;
  /** 小类 codes starting with this text (2–4 digits), or ... */
  industryPrefix?: string | undefined;
  /** ... the 大类 codes of a 门类. */
  industryDivisions?: string[] | undefined;
  /** Enterprises holding a qualification of this kind in force on `today`. */
  qualification?: string | undefined;
  aboveScale?: boolean | undefined;
  year?: number | undefined;
  /** High-tech field codes: the chosen one and everything under it. */
  hitechFields?: string[] | undefined;
  chain?: string | undefined;
  today: string;
  sort: 'name' | 'registeredOn' | 'revenue' | 'relevance';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface EnterpriseListRow {
  id: string;
  uscc: string;
  name: string;
  town_code: string | null;
  town_name: string | null;
  industry_code: string | null;
  registered_on: string | null;
  revenue_fen: string | null;
}

/** Collects parameters and hands out their placeholders in order. */
class Params {
  readonly values: SqlValue[] = [];
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export async function listEnterprises(
  ex: Executor,
  scope: (paramOffset: number) => ScopeFilter,
  f: EnterpriseListFilter,
): Promise<{ rows: EnterpriseListRow[]; total: number; totalCapped: boolean }> {
  const p = new Params();
  const s = scope(0);
  for (const v of s.params) p.add(v);
  const where = [`(${s.sql})`];
  if (f.town) where.push(`e.town_code = ${p.add(f.town)}`);
  // The prefix holds digits only (checked by the contract), so LIKE sees no wildcard from the user.
  if (f.industryPrefix) where.push(`e.industry_code LIKE ${p.add(`${f.industryPrefix}%`)}`);
  if (f.industryDivisions)
    where.push(`left(e.industry_code, 2) = ANY(${p.add(f.industryDivisions)}::text[])`);
  if (f.hitechFields) where.push(`e.hitech_field = ANY(${p.add(f.hitechFields)}::text[])`);
  if (f.qualification) {
    const today = p.add(f.today);
    where.push(`EXISTS (SELECT 1 FROM qualifications q WHERE q.holder_type = 'enterprise' AND q.holder_id = e.id
      AND q.kind = ${p.add(f.qualification)} AND q.issued_on <= ${today}::date AND (q.valid_to IS NULL OR q.valid_to >= ${today}::date))`);
  }
  if (f.aboveScale !== undefined) {
    const flag =
      f.year !== undefined
        ? `(SELECT y.above_scale FROM enterprise_years y WHERE y.enterprise_id = e.id AND y.year = ${p.add(f.year)})`
        : '(SELECT y.above_scale FROM enterprise_years y WHERE y.enterprise_id = e.id ORDER BY y.year DESC LIMIT 1)';
    where.push(f.aboveScale ? `${flag} IS TRUE` : `${flag} IS NOT TRUE`);
  }
  if (f.chain) {
    where.push(
      `EXISTS (SELECT 1 FROM chain_tags t WHERE t.holder_type = 'enterprise' AND t.holder_id = e.id AND t.chain = ${p.add(f.chain)})`,
    );
  }
  let tsq = '';
  let walkSql = where.join(' AND ');
  if (f.tsquery !== null) {
    tsq = `to_tsquery('simple', ${p.add(f.tsquery)})`;
    walkSql = [...where, walkingMatch('e.search_vector', tsq)].join(' AND ');
    where.push(`e.search_vector @@ ${tsq}`);
  }
  const whereSql = where.join(' AND ');
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  if (f.sort === 'relevance' && f.tsquery !== null && f.text !== null) {
    // Exact name first, then names starting with the query, then the other matches (LIKE escapes the user's % and _).
    const name = p.add(f.text);
    const prefix = p.add(`${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const reverse = dir === 'DESC' ? 'ASC' : 'DESC';
    const ranked = await relevancePage(ex, {
      from: 'enterprises e',
      where: whereSql,
      params: p.values,
      columns: 'e.id, e.name, e.search_vector',
      order: `CASE WHEN m.name = ${name} THEN 0 WHEN m.name LIKE ${prefix} THEN 1 ELSE 2 END ${reverse},
        ts_rank(m.search_vector, ${tsq}) ${dir}, m.name, m.id`,
      counting: f.search,
      limit: f.limit,
      offset: f.offset,
    });
    const page = { rows: [] as EnterpriseListRow[], total: ranked.total, totalCapped: ranked.capped };
    if (ranked.total === 0) return page;
    if (ranked.ids !== null) {
      page.rows = await enterprisesInOrder(ex, ranked.ids);
      return page;
    }
    const tiers = { exact: `e.name = ${name}`, prefix: `e.name LIKE ${prefix}` };
    const limit = p.add(f.limit);
    const offset = p.add(f.offset);
    page.rows = (
      await ex.query<EnterpriseListRow>(broadRelevance(walkSql, tiers, dir, limit, offset), p.values)
    ).rows;
    return page;
  }

  const counted =
    f.tsquery === null
      ? await countAll(ex, 'enterprises e', whereSql, p.values)
      : await countMatches(ex, 'enterprises e', whereSql, p.values, f.search);
  const page = { rows: [] as EnterpriseListRow[], total: counted.total, totalCapped: counted.capped };
  if (counted.total === 0) return page;
  const orderBy = {
    name: `e.name ${dir}`,
    registeredOn: `e.registered_on ${dir} NULLS LAST, e.name`,
    revenue: `e.revenue_fen ${dir} NULLS LAST, e.name`,
    relevance: `e.name ${dir}`,
  }[f.sort];
  const limit = p.add(f.limit);
  const offset = p.add(f.offset);
  page.rows = (
    await ex.query<EnterpriseListRow>(
      `${SELECT} WHERE ${whereSql} ORDER BY ${orderBy}, e.id LIMIT ${limit} OFFSET ${offset}`,
      p.values,
    )
  ).rows;
  return page;
}

async function enterprisesInOrder(ex: Executor, ids: string[]): Promise<EnterpriseListRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await ex.query<EnterpriseListRow>(
    `${SELECT} WHERE e.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], e.id)`,
    [ids],
  );
  return rows;
}

const COLUMNS = `e.id, e.uscc, e.name, e.town_code, d.name AS town_name, e.industry_code,
  to_char(e.registered_on, 'YYYY-MM-DD') AS registered_on, e.revenue_fen::text AS revenue_fen`;
const SELECT = `SELECT ${COLUMNS} FROM enterprises e LEFT JOIN divisions d ON d.code = e.town_code`;

/**
 * Relevance order of a broad search: the three tiers (exact name, name prefix, the rest) each read in name order
 * from `enterprises_name_pattern_idx` (byte order, `USING ~<~`) and cut at the page's end, so no tier reads more
 * rows than the page needs. Ranking thousands of matches would read them all.
 */
function broadRelevance(
  whereSql: string,
  tiers: { exact: string; prefix: string },
  dir: 'ASC' | 'DESC',
  limit: string,
  offset: string,
): string {
  const end = `(${limit}::int + ${offset}::int)`;
  const branch = (tier: number, condition: string) =>
    `(SELECT e.id, e.name, ${tier} AS tier FROM enterprises e WHERE ${whereSql} AND ${condition}
       ORDER BY e.name USING ~<~, e.id LIMIT ${end})`;
  const reverse = dir === 'DESC' ? 'ASC' : 'DESC';
  return `SELECT ${COLUMNS}
      FROM (${branch(0, tiers.exact)}
            UNION ALL ${branch(1, `${tiers.prefix} AND NOT (${tiers.exact})`)}
            UNION ALL ${branch(2, `NOT (${tiers.prefix})`)}) AS m
      JOIN enterprises e ON e.id = m.id LEFT JOIN divisions d ON d.code = e.town_code
     ORDER BY m.tier ${reverse}, m.name USING ~<~, m.id LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * The enterprise list: Chinese full-text search over name, former names and address (`search_tokens`, see
 * platform/search), filters, sorting and paging, always inside the actor's scope.
 */
import type { Executor, SqlValue } from '../../platform/db/index.ts';
import type { ScopeFilter } from '../../platform/scope.ts';

export interface EnterpriseListFilter {
  /** A `to_tsquery('simple', …)` expression from `segmentQuery`. */
  tsquery: string | null;
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
): Promise<{ rows: EnterpriseListRow[]; total: number }> {
  const p = new Params();
  const s = scope(0);
  for (const v of s.params) p.add(v);
  const where = [`(${s.sql})`];
  let rank = '0';
  if (f.tsquery !== null) {
    const q = p.add(f.tsquery);
    where.push(`e.search_vector @@ to_tsquery('simple', ${q})`);
    rank = `ts_rank(e.search_vector, to_tsquery('simple', ${q}))`;
  }
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
  const whereSql = where.join(' AND ');
  const count = await ex.query<{ n: string }>(
    `SELECT count(*) AS n FROM enterprises e WHERE ${whereSql}`,
    p.values,
  );

  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = {
    name: `e.name ${dir}`,
    registeredOn: `e.registered_on ${dir} NULLS LAST, e.name`,
    revenue: `e.revenue_fen ${dir} NULLS LAST, e.name`,
    relevance: `${rank} ${dir}, e.name`,
  }[f.sort];
  const limit = p.add(f.limit);
  const offset = p.add(f.offset);
  const { rows } = await ex.query<EnterpriseListRow>(
    `SELECT e.id, e.uscc, e.name, e.town_code, d.name AS town_name, e.industry_code,
            to_char(e.registered_on, 'YYYY-MM-DD') AS registered_on, e.revenue_fen::text AS revenue_fen
       FROM enterprises e LEFT JOIN divisions d ON d.code = e.town_code
      WHERE ${whereSql}
      ORDER BY ${orderBy}, e.id
      LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

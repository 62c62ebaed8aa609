/**
 * The registry as a pipeline refresh reads it: four set-based queries over all enterprises at once (profiles, the
 * window's yearly figures, patents in force, HNTE certificates in force) — never one query per enterprise.
 */
import type { Executor } from '../../platform/db/index.ts';

export interface EnterpriseFactsRow {
  id: string;
  name: string;
  uscc: string;
  town_code: string | null;
  industry_code: string | null;
  hitech_field: string | null;
  registered_on: string | null;
}

/** Every enterprise that existed on `asOf` (registered by then, or with no registration date recorded). */
export async function enterprisesOn(ex: Executor, asOf: string): Promise<EnterpriseFactsRow[]> {
  const { rows } = await ex.query<EnterpriseFactsRow>(
    `SELECT id, name, uscc, town_code, industry_code, hitech_field,
            to_char(registered_on, 'YYYY-MM-DD') AS registered_on
       FROM enterprises WHERE registered_on IS NULL OR registered_on <= $1::date`,
    [asOf],
  );
  return rows;
}

export interface YearFactsRow {
  enterprise_id: string;
  year: number;
  revenue_fen: string | null;
  rd_fen: string | null;
  staff: number | null;
  tech_staff: number | null;
  net_assets_fen: string | null;
}

/** The yearly figures of all enterprises for `first`–`last` (the three years before the campaign year). */
export async function yearsBetween(ex: Executor, first: number, last: number): Promise<YearFactsRow[]> {
  const { rows } = await ex.query<YearFactsRow>(
    `SELECT enterprise_id, year, revenue_fen::text AS revenue_fen, rd_fen::text AS rd_fen, staff, tech_staff,
            net_assets_fen::text AS net_assets_fen
       FROM enterprise_years WHERE year BETWEEN $1 AND $2`,
    [first, last],
  );
  return rows;
}

export interface PatentCountRow {
  enterprise_id: string;
  inventions: number;
  others: number;
}

/**
 * Patents in force on `asOf` per enterprise holding (or co-holding) them, by type: the test of `patentValidAt`
 * (granted by the day, not lapsed by it, the term's last day not passed).
 */
export async function patentsInForce(ex: Executor, asOf: string): Promise<PatentCountRow[]> {
  const { rows } = await ex.query<PatentCountRow>(
    `SELECT pa.holder_id AS enterprise_id,
            count(DISTINCT p.id) FILTER (WHERE p.type = 'invention')::int AS inventions,
            count(DISTINCT p.id) FILTER (WHERE p.type <> 'invention')::int AS others
       FROM patent_applicants pa JOIN patents p ON p.id = pa.patent_id
      WHERE pa.holder_type = 'enterprise' AND pa.holder_id IS NOT NULL
        AND p.granted_on <= $1::date AND p.legal_status NOT IN ('rejected', 'withdrawn')
        AND (p.lapsed_on IS NULL OR p.lapsed_on > $1::date) AND p.expires_on >= $1::date
      GROUP BY pa.holder_id`,
    [asOf],
  );
  return rows;
}

/** The last valid day of each enterprise's HNTE certificate in force on `asOf`. */
export async function hnteInForce(
  ex: Executor,
  asOf: string,
): Promise<{ enterprise_id: string; valid_to: string }[]> {
  const { rows } = await ex.query<{ enterprise_id: string; valid_to: string }>(
    `SELECT holder_id AS enterprise_id, to_char(max(valid_to), 'YYYY-MM-DD') AS valid_to
       FROM qualifications
      WHERE holder_type = 'enterprise' AND kind = 'hnte' AND issued_on <= $1::date AND valid_to >= $1::date
      GROUP BY holder_id`,
    [asOf],
  );
  return rows;
}

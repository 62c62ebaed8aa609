/**
 * SQL of the exports: whole records by id, in the order the list services chose them. The list services decide
 * which rows (filters and the actor's scope); these read every column an export writes.
 */
import type { Executor } from '../../platform/db/index.ts';

export interface EnterpriseExportRow {
  id: string;
  uscc: string;
  name: string;
  former_names: string[];
  legal_rep: string | null;
  registered_on: string | null;
  address: string | null;
  town_name: string | null;
  industry_code: string | null;
  hitech_field: string | null;
  staff: number | null;
  revenue_fen: string | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
}

export async function enterprisesByIds(ex: Executor, ids: string[]): Promise<EnterpriseExportRow[]> {
  const { rows } = await ex.query<EnterpriseExportRow>(
    `SELECT e.id, e.uscc, e.name, e.former_names, e.legal_rep, to_char(e.registered_on, 'YYYY-MM-DD') AS registered_on, e.address,
            d.name AS town_name, e.industry_code, e.hitech_field, e.staff, e.revenue_fen::text AS revenue_fen, e.contact_name,
            e.contact_phone_enc
       FROM enterprises e LEFT JOIN divisions d ON d.code = e.town_code
      WHERE e.id = ANY($1::uuid[])
      ORDER BY array_position($1::uuid[], e.id)`,
    [ids],
  );
  return rows;
}

export interface YearExportRow {
  uscc: string;
  name: string;
  year: number;
  revenue_fen: string | null;
  rd_fen: string | null;
  staff: number | null;
  tech_staff: number | null;
  net_assets_fen: string | null;
  total_assets_fen: string | null;
  above_scale: boolean;
}

/** Yearly figures of the enterprises `ids` (in that order, years ascending), of one year when `year` is given. */
export async function yearsOfEnterprises(
  ex: Executor,
  ids: string[],
  year: number | null,
): Promise<YearExportRow[]> {
  const { rows } = await ex.query<YearExportRow>(
    `SELECT e.uscc, e.name, y.year, y.revenue_fen::text AS revenue_fen, y.rd_fen::text AS rd_fen, y.staff, y.tech_staff,
            y.net_assets_fen::text AS net_assets_fen, y.total_assets_fen::text AS total_assets_fen, y.above_scale
       FROM enterprise_years y JOIN enterprises e ON e.id = y.enterprise_id
      WHERE y.enterprise_id = ANY($1::uuid[]) AND ($2::integer IS NULL OR y.year = $2)
      ORDER BY array_position($1::uuid[], y.enterprise_id), y.year`,
    [ids, year],
  );
  return rows;
}

export interface ExpertExportRow {
  id: string;
  code: string;
  name: string;
  title: string | null;
  employer_uscc: string | null;
  institute_name: string | null;
  fields: string[];
  ipc_classes: string[];
  expertise: string | null;
  phone_enc: string | null;
  id_card_enc: string | null;
  available: boolean;
}

export async function expertsByIds(ex: Executor, ids: string[]): Promise<ExpertExportRow[]> {
  const { rows } = await ex.query<ExpertExportRow>(
    `SELECT x.id, x.code, x.name, x.title, x.employer_uscc, i.name AS institute_name, x.fields, x.ipc_classes, x.expertise,
            x.phone_enc, x.id_card_enc, x.available
       FROM experts x LEFT JOIN institutes i ON i.id = x.institute_id
      WHERE x.id = ANY($1::uuid[])
      ORDER BY array_position($1::uuid[], x.id)`,
    [ids],
  );
  return rows;
}

/** Credit codes of registry enterprises by id (for a patent's first applicant). */
export async function usccsOf(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await ex.query<{ id: string; uscc: string }>(
    'SELECT id, uscc FROM enterprises WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.uscc]));
}

/** Town names by code. */
export async function townNames(ex: Executor): Promise<Map<string, string>> {
  const { rows } = await ex.query<{ code: string; name: string }>('SELECT code, name FROM divisions');
  return new Map(rows.map((r) => [r.code, r.name]));
}

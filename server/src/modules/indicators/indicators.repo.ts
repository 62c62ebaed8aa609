/** Indicators' SQL: counts and records of the named queries, towns, years with data, targets and reported figures. */
import type { AttachmentInfo } from '../../platform/attachments.ts';
import type { Executor } from '../../platform/db/index.ts';
import { QUERIES, type QueryName } from './indicators.queries.ts';

const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`];

export interface RecordRow {
  kind: 'enterprise' | 'patent' | 'qualification' | 'honour' | 'talent';
  id: string;
  name: string;
  code: string | null;
  town_code: string | null;
  town_name: string | null;
  date: string | null;
  detail: string | null;
}

/** The rows of a named query, optionally of one town, in a stable order; every row when `limit` is null. */
export async function listRecords(
  ex: Executor,
  query: QueryName,
  year: number,
  town: string | null,
  limit: number | null,
  offset = 0,
): Promise<{ rows: RecordRow[]; total: number }> {
  const params = [...yearBounds(year), town];
  const from = `(${QUERIES[query]}) b LEFT JOIN divisions d ON d.code = b.town_code
    WHERE $1::date <= $2::date AND ($3::text IS NULL OR b.town_code = $3::text)`;
  const total = await ex.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`, params);
  const page = limit === null ? '' : `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
  const { rows } = await ex.query<RecordRow>(
    `SELECT b.kind, b.id, b.name, b.code, b.town_code, d.name AS town_name, b.date, b.detail
       FROM ${from}
      ORDER BY b.date NULLS LAST, b.code NULLS LAST, b.id ${page}`,
    params,
  );
  return { rows, total: total.rows[0]?.n ?? 0 };
}

export interface TownRow {
  code: string;
  name: string;
}

/** The county's towns, streets and zones in their official order. */
export async function listTowns(ex: Executor): Promise<TownRow[]> {
  const { rows } = await ex.query<TownRow>(
    `SELECT code, name FROM divisions WHERE kind <> 'county' ORDER BY sort_order, code`,
  );
  return rows;
}

/** Years for which the registry holds enterprises' yearly figures. */
export async function yearsWithData(ex: Executor): Promise<number[]> {
  const { rows } = await ex.query<{ year: number }>(
    'SELECT DISTINCT year FROM enterprise_years ORDER BY year',
  );
  return rows.map((r) => Number(r.year));
}

export interface TargetRow {
  indicator_id: string;
  year: number;
  town_code: string;
  value: string;
  comparison: 'at_least' | 'above';
  upper: string | null;
  source: string | null;
}

export async function listTargets(ex: Executor, year: number, indicator?: string): Promise<TargetRow[]> {
  const { rows } = await ex.query<TargetRow>(
    `SELECT indicator_id, year, town_code, value::text AS value, comparison, upper::text AS upper, source
       FROM indicator_targets
      WHERE year = $1 AND ($2::text IS NULL OR indicator_id = $2::text) ORDER BY indicator_id, town_code`,
    [year, indicator ?? null],
  );
  return rows;
}

/** Replaces an indicator's targets of a year: the county row ('') and the town rows given. */
export async function replaceTargets(
  ex: Executor,
  indicator: string,
  year: number,
  rows: { town: string; value: string }[],
  comparison: string,
  upper: string | null,
  source: string | null,
  actorId: string | null,
  now: Date,
): Promise<void> {
  await ex.query('DELETE FROM indicator_targets WHERE indicator_id = $1 AND year = $2', [indicator, year]);
  for (const r of rows) {
    await ex.query(
      `INSERT INTO indicator_targets (indicator_id, year, town_code, value, comparison, upper, source, updated_by,
         updated_at)
       VALUES ($1, $2, $3, $4::numeric, $5, $6::numeric, $7, $8, $9)`,
      [indicator, year, r.town, r.value, comparison, r.town === '' ? upper : null, source, actorId, now.toISOString()],
    );
  }
}

export interface ReportedRow {
  indicator_id: string;
  year: number;
  value: string;
  note: string | null;
  attachment_id: string | null;
  recorded_at: string;
}

export async function listReported(ex: Executor, year: number, indicator?: string): Promise<ReportedRow[]> {
  const { rows } = await ex.query<ReportedRow>(
    `SELECT indicator_id, year, value::text AS value, note, attachment_id::text AS attachment_id,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
       FROM indicator_reported WHERE year = $1 AND ($2::text IS NULL OR indicator_id = $2::text)`,
    [year, indicator ?? null],
  );
  return rows;
}

export async function upsertReported(
  ex: Executor,
  row: { indicator: string; year: number; value: string; note: string | null; attachmentId: string | null },
  actorId: string | null,
  now: Date,
): Promise<void> {
  await ex.query(
    `INSERT INTO indicator_reported (indicator_id, year, value, note, attachment_id, recorded_by, recorded_at)
     VALUES ($1, $2, $3::numeric, $4, $5::uuid, $6, $7)
     ON CONFLICT (indicator_id, year) DO UPDATE
       SET value = EXCLUDED.value, note = EXCLUDED.note, attachment_id = EXCLUDED.attachment_id,
           recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [row.indicator, row.year, row.value, row.note, row.attachmentId, actorId, now.toISOString()],
  );
}

/** The attachments of the year's reported figures, by id. */
export async function reportedAttachments(ex: Executor, year: number): Promise<Map<string, AttachmentInfo>> {
  const { rows } = await ex.query<AttachmentInfo>(
    `SELECT a.id, a.file_name AS "fileName", a.content_type AS "contentType", a.size, a.sm3,
            to_char(a.uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "uploadedAt"
       FROM attachments a WHERE a.id IN (SELECT attachment_id FROM indicator_reported WHERE year = $1)`,
    [year],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

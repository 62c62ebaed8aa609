/** Programme definitions and calls: parameterised SQL over programme_definitions and programme_calls. */
import type { Executor } from '../../platform/db/index.ts';

export interface DefinitionRow {
  id: string;
  kind: string;
  version: number;
  name_zh: string;
  name_en: string;
  workflow: unknown;
  form_schema: unknown;
}

export interface CallRow {
  id: string;
  kind: string;
  definition_id: string | null;
  definition_version: number | null;
  title: string;
  year: number;
  opens_on: string;
  closes_on: string;
  budget_fen: string;
  description: string;
  status: 'draft' | 'open' | 'closed';
  opened_at: string | null;
  submitted_count: number;
  my_application_id: string | null;
  form_schema: unknown;
}

/** The latest version of each kind's definition. */
export async function latestDefinitions(ex: Executor): Promise<DefinitionRow[]> {
  const { rows } = await ex.query<DefinitionRow>(
    `SELECT DISTINCT ON (kind) id, kind, version, name_zh, name_en, workflow, form_schema
     FROM programme_definitions ORDER BY kind, version DESC`,
  );
  return rows;
}

export async function definitionById(ex: Executor, id: string): Promise<DefinitionRow | null> {
  const { rows } = await ex.query<DefinitionRow>(
    `SELECT id, kind, version, name_zh, name_en, workflow, form_schema FROM programme_definitions WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Stores a definition version unless that kind and version is already there; true when it was added. */
export async function insertDefinition(
  ex: Executor,
  d: {
    kind: string;
    version: number;
    nameZh: string;
    nameEn: string;
    workflow: unknown;
    formSchema: unknown;
  },
): Promise<boolean> {
  const { rowCount } = await ex.query(
    `INSERT INTO programme_definitions (kind, version, name_zh, name_en, workflow, form_schema)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb) ON CONFLICT (kind, version) DO NOTHING`,
    [d.kind, d.version, d.nameZh, d.nameEn, JSON.stringify(d.workflow), JSON.stringify(d.formSchema)],
  );
  return rowCount > 0;
}

export interface CallFilter {
  id?: string;
  status?: string | undefined;
  year?: number | undefined;
  /** An enterprise's view: open calls whose window has started, with its own application. */
  enterpriseId?: string | null;
  today?: string;
}

export async function listCalls(ex: Executor, f: CallFilter): Promise<CallRow[]> {
  const values: unknown[] = [];
  const add = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (f.id) where.push(`c.id = ${add(f.id)}::uuid`);
  if (f.status) where.push(`c.status = ${add(f.status)}`);
  if (f.year !== undefined) where.push(`c.year = ${add(f.year)}`);
  let mine = 'NULL::uuid';
  if (f.enterpriseId !== undefined) {
    where.push(`c.status = 'open' AND c.opens_on <= ${add(f.today)}::date`);
    mine = `(SELECT a.id FROM programme_applications a WHERE a.call_id = c.id AND a.enterprise_id = ${add(f.enterpriseId)}::uuid)`;
  }
  const { rows } = await ex.query<CallRow>(
    `SELECT c.id, c.kind, c.definition_id, d.version AS definition_version, c.title, c.year,
       to_char(c.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(c.closes_on, 'YYYY-MM-DD') AS closes_on,
       c.budget_fen::text AS budget_fen, c.description, c.status,
       to_char(c.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS opened_at,
       (SELECT count(*)::int FROM programme_applications a WHERE a.call_id = c.id AND a.submitted_at IS NOT NULL)
         AS submitted_count,
       ${mine} AS my_application_id,
       COALESCE(d.form_schema, (SELECT l.form_schema FROM programme_definitions l WHERE l.kind = c.kind
         ORDER BY l.version DESC LIMIT 1)) AS form_schema
     FROM programme_calls c LEFT JOIN programme_definitions d ON d.id = c.definition_id
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.closes_on DESC, c.created_at DESC`,
    values as never[],
  );
  return rows;
}

export interface CallFields {
  kind: string;
  title: string;
  year: number;
  opensOn: string;
  closesOn: string;
  budgetFen: number;
  description: string;
}

export async function insertCall(ex: Executor, c: CallFields, by: string | null, at: Date): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_calls (kind, title, year, opens_on, closes_on, budget_fen, description, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [c.kind, c.title, c.year, c.opensOn, c.closesOn, c.budgetFen, c.description, by, at.toISOString()],
  );
  return rows[0]!.id;
}

export async function updateCall(ex: Executor, id: string, c: CallFields): Promise<void> {
  await ex.query(
    `UPDATE programme_calls SET kind = $2, title = $3, year = $4, opens_on = $5, closes_on = $6, budget_fen = $7,
       description = $8 WHERE id = $1`,
    [id, c.kind, c.title, c.year, c.opensOn, c.closesOn, c.budgetFen, c.description],
  );
}

export async function deleteCall(ex: Executor, id: string): Promise<void> {
  await ex.query('DELETE FROM programme_calls WHERE id = $1', [id]);
}

/** The call's status, locked for the change that follows. */
export async function lockCall(ex: Executor, id: string): Promise<{ status: string; kind: string } | null> {
  const { rows } = await ex.query<{ status: string; kind: string }>(
    'SELECT status, kind FROM programme_calls WHERE id = $1::uuid FOR UPDATE',
    [id],
  );
  return rows[0] ?? null;
}

export async function openCall(
  ex: Executor,
  id: string,
  definitionId: string,
  by: string | null,
  at: Date,
): Promise<void> {
  await ex.query(
    `UPDATE programme_calls SET status = 'open', definition_id = $2, opened_by = $3, opened_at = $4 WHERE id = $1`,
    [id, definitionId, by, at.toISOString()],
  );
}

export async function closeCall(ex: Executor, id: string): Promise<void> {
  await ex.query(`UPDATE programme_calls SET status = 'closed' WHERE id = $1`, [id]);
}

export async function enterpriseIdByUscc(ex: Executor, uscc: string): Promise<string | null> {
  const { rows } = await ex.query<{ id: string }>('SELECT id FROM enterprises WHERE uscc = $1', [uscc]);
  return rows[0]?.id ?? null;
}

/**
 * Applications, their transition log and attachments, and the registry facts a draft is pre-filled from:
 * parameterised SQL over programme_applications, programme_application_events, programme_application_attachments
 * and the registry tables (read-only).
 */
import type { Executor } from '../../platform/db/index.ts';
import { likePattern, SqlParams } from '../../platform/db/sql-params.ts';
import type { Suspension } from '@jinke/core/workflow/clock.ts';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface ApplicationRow {
  id: string;
  call_id: string;
  call_title: string;
  call_status: string;
  closes_on: string;
  enterprise_id: string;
  enterprise_name: string;
  uscc: string;
  phase: string;
  form_data: Record<string, string | number | boolean | null>;
  prefill: unknown;
  submitted_at: string | null;
  updated_at: string;
  clock_started_on: string | null;
  clock_suspensions: Suspension[];
  phase_entered_on: string | null;
  workflow: unknown;
  form_schema: unknown;
}

export interface ApplicationFilter {
  id?: string;
  callId?: string | undefined;
  phase?: string | undefined;
  enterpriseId?: string | null;
}

export async function listApplications(
  ex: Executor,
  f: ApplicationFilter,
  lock = false,
): Promise<ApplicationRow[]> {
  const values: unknown[] = [];
  const add = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (f.id) where.push(`a.id = ${add(f.id)}::uuid`);
  if (f.callId) where.push(`a.call_id = ${add(f.callId)}::uuid`);
  if (f.phase) where.push(`a.phase = ${add(f.phase)}`);
  if (f.enterpriseId) where.push(`a.enterprise_id = ${add(f.enterpriseId)}::uuid`);
  const { rows } = await ex.query<ApplicationRow>(
    `SELECT a.id, a.call_id, c.title AS call_title, c.status AS call_status,
       to_char(c.closes_on, 'YYYY-MM-DD') AS closes_on, a.enterprise_id, e.name AS enterprise_name, e.uscc, a.phase,
       a.form_data, a.prefill, ${TS('a.submitted_at')} AS submitted_at, ${TS('a.updated_at')} AS updated_at,
       to_char(a.clock_started_on, 'YYYY-MM-DD') AS clock_started_on, a.clock_suspensions,
       to_char(a.phase_entered_on, 'YYYY-MM-DD') AS phase_entered_on, d.workflow, d.form_schema
     FROM programme_applications a
     JOIN programme_calls c ON c.id = a.call_id
     JOIN programme_definitions d ON d.id = c.definition_id
     JOIN enterprises e ON e.id = a.enterprise_id
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.submitted_at NULLS LAST, a.created_at
     ${lock ? 'FOR UPDATE OF a' : ''}`,
    values as never[],
  );
  return rows;
}

/** One row of the paged list: no form, no definition (the service holds the definitions by id). */
export interface ListRow {
  id: string;
  call_id: string;
  call_title: string;
  definition_id: string;
  enterprise_id: string;
  enterprise_name: string;
  uscc: string;
  phase: string;
  submitted_at: string | null;
  updated_at: string;
  clock_started_on: string | null;
  clock_suspensions: Suspension[];
  phase_entered_on: string | null;
}

export interface PageFilter {
  callId?: string | undefined;
  phase?: string | undefined;
  q?: string | undefined;
  enterpriseId: string | null;
  /** Per definition, the phases the reader may see (the phase's `view` list). */
  visible: { definitionId: string; phases: string[] }[];
  page: number;
  pageSize: number;
}

/** A page of applications in queue order, with the count of all that match, visibility applied in SQL. */
export async function pageApplications(
  ex: Executor,
  f: PageFilter,
): Promise<{ total: number; rows: ListRow[] }> {
  if (f.visible.length === 0) return { total: 0, rows: [] };
  const p = new SqlParams();
  const visible = f.visible.map(
    (v) => `(c.definition_id = ${p.add(v.definitionId)}::uuid AND a.phase = ANY(${p.add(v.phases)}::text[]))`,
  );
  const where = [`(${visible.join(' OR ')})`];
  if (f.callId) where.push(`a.call_id = ${p.add(f.callId)}::uuid`);
  if (f.phase) where.push(`a.phase = ${p.add(f.phase)}`);
  if (f.enterpriseId) where.push(`a.enterprise_id = ${p.add(f.enterpriseId)}::uuid`);
  if (f.q) {
    const like = p.add(likePattern(f.q));
    // Chinese has no case: a query without Latin letters is matched byte-wise (LIKE), several times faster than
    // ILIKE's per-row case folding; one with letters (a credit code, "LED") folds case.
    const op = /[A-Za-z]/.test(f.q) ? 'ILIKE' : 'LIKE';
    where.push(
      `(e.name ${op} ${like} ESCAPE '\\' OR e.uscc ${op} ${like} ESCAPE '\\' ` +
        `OR a.form_data->>'projectTitle' ${op} ${like} ESCAPE '\\')`,
    );
  }
  // The matching ids are collected once; the page and the total are read from them, so the columns shown are
  // computed for the page's rows only.
  const { rows } = await ex.query<ListRow & { total: string }>(
    `WITH matched AS MATERIALIZED (
       SELECT a.id, a.submitted_at, a.created_at
       FROM programme_applications a
       JOIN programme_calls c ON c.id = a.call_id
       ${f.q ? 'JOIN enterprises e ON e.id = a.enterprise_id' : ''}
       WHERE ${where.join(' AND ')}
     ), page AS (
       SELECT id, submitted_at, created_at FROM matched
       ORDER BY submitted_at NULLS LAST, created_at, id
       LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}
     )
     SELECT a.id, a.call_id, c.title AS call_title, c.definition_id, a.enterprise_id, e.name AS enterprise_name,
       e.uscc, a.phase, ${TS('a.submitted_at')} AS submitted_at, ${TS('a.updated_at')} AS updated_at,
       to_char(a.clock_started_on, 'YYYY-MM-DD') AS clock_started_on, a.clock_suspensions,
       to_char(a.phase_entered_on, 'YYYY-MM-DD') AS phase_entered_on, counted.total
     FROM (SELECT count(*) AS total FROM matched) counted
     LEFT JOIN page ON true
     LEFT JOIN programme_applications a ON a.id = page.id
     LEFT JOIN programme_calls c ON c.id = a.call_id
     LEFT JOIN enterprises e ON e.id = a.enterprise_id
     ORDER BY page.submitted_at NULLS LAST, page.created_at, page.id`,
    p.values,
  );
  // One row carries the total even when the page is empty (its columns are then null).
  return { total: Number(rows[0]?.total ?? 0), rows: rows.filter((r) => r.id !== null) };
}

/** Definitions by id (they never change once stored, so callers may keep them). */
export async function definitionsById(ex: Executor): Promise<{ id: string; workflow: unknown }[]> {
  const { rows } = await ex.query<{ id: string; workflow: unknown }>('SELECT id, workflow FROM programme_definitions');
  return rows;
}

export async function insertApplication(
  ex: Executor,
  a: {
    callId: string;
    enterpriseId: string;
    phase: string;
    formData: object;
    prefill: object;
    by: string;
    at: Date;
  },
): Promise<string | null> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_applications (call_id, enterprise_id, phase, form_data, prefill, created_by, created_at,
       updated_at, phase_entered_on)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $7, (($7::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date)
     ON CONFLICT (call_id, enterprise_id) DO NOTHING RETURNING id`,
    [
      a.callId,
      a.enterpriseId,
      a.phase,
      JSON.stringify(a.formData),
      JSON.stringify(a.prefill),
      a.by,
      a.at.toISOString(),
    ],
  );
  return rows[0]?.id ?? null;
}

export async function existingApplication(
  ex: Executor,
  callId: string,
  enterpriseId: string,
): Promise<string | null> {
  const { rows } = await ex.query<{ id: string }>(
    'SELECT id FROM programme_applications WHERE call_id = $1 AND enterprise_id = $2',
    [callId, enterpriseId],
  );
  return rows[0]?.id ?? null;
}

export async function saveForm(ex: Executor, id: string, formData: object, at: Date): Promise<void> {
  await ex.query('UPDATE programme_applications SET form_data = $2::jsonb, updated_at = $3 WHERE id = $1', [
    id,
    JSON.stringify(formData),
    at.toISOString(),
  ]);
}

export async function movePhase(
  ex: Executor,
  id: string,
  m: {
    phase: string;
    submittedAt: Date | null;
    clockStartedOn: string | null;
    suspensions: Suspension[];
    /** The day (China time) the application enters the phase. */
    enteredOn: string;
    at: Date;
  },
): Promise<void> {
  await ex.query(
    `UPDATE programme_applications SET phase = $2, submitted_at = COALESCE(submitted_at, $3), clock_started_on = $4,
       clock_suspensions = $5::jsonb, updated_at = $6, phase_entered_on = $7 WHERE id = $1`,
    [
      id,
      m.phase,
      m.submittedAt?.toISOString() ?? null,
      m.clockStartedOn,
      JSON.stringify(m.suspensions),
      m.at.toISOString(),
      m.enteredOn,
    ],
  );
}

export async function insertEvent(
  ex: Executor,
  e: {
    applicationId: string;
    from: string | null;
    to: string;
    action: string;
    reason: string | null;
    by: string;
    at: Date;
  },
): Promise<void> {
  await ex.query(
    `INSERT INTO programme_application_events (application_id, from_phase, to_phase, action, reason, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.applicationId, e.from, e.to, e.action, e.reason, e.by, e.at.toISOString()],
  );
}

export interface EventRow {
  from_phase: string | null;
  to_phase: string;
  action: string;
  reason: string | null;
  at: string;
}

export async function eventsOf(ex: Executor, id: string): Promise<EventRow[]> {
  const { rows } = await ex.query<EventRow>(
    `SELECT from_phase, to_phase, action, reason, ${TS('at')} AS at
     FROM programme_application_events WHERE application_id = $1 ORDER BY id`,
    [id],
  );
  return rows;
}

export async function linkAttachment(
  ex: Executor,
  applicationId: string,
  attachmentId: string,
  at: Date,
): Promise<void> {
  await ex.query(
    'INSERT INTO programme_application_attachments (application_id, attachment_id, added_at) VALUES ($1, $2, $3)',
    [applicationId, attachmentId, at.toISOString()],
  );
}

export interface AttachmentRow {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sm3: string;
  uploadedAt: string;
}

export async function attachmentsOf(ex: Executor, applicationId: string): Promise<AttachmentRow[]> {
  const { rows } = await ex.query<AttachmentRow>(
    `SELECT t.id, t.file_name AS "fileName", t.content_type AS "contentType", t.size, t.sm3, ${TS('t.uploaded_at')} AS "uploadedAt"
     FROM programme_application_attachments l JOIN attachments t ON t.id = l.attachment_id
     WHERE l.application_id = $1 ORDER BY l.added_at, t.file_name`,
    [applicationId],
  );
  return rows;
}

/* ---------- registry facts for the pre-fill ---------- */

export interface RegistryFacts {
  name: string;
  uscc: string;
  town_name: string | null;
  industry_code: string | null;
  year: number | null;
  revenue_fen: string | null;
  rd_fen: string | null;
  staff: number | null;
  tech_staff: number | null;
  invention_patents: number;
  qualifications: { kind: string; validTo: string | null }[] | null;
}

/** Profile, latest yearly figures, invention patents in force on `day`, and qualifications valid on `day`. */
export async function registryFacts(
  ex: Executor,
  enterpriseId: string,
  day: string,
): Promise<RegistryFacts | null> {
  const { rows } = await ex.query<RegistryFacts>(
    `SELECT e.name, e.uscc, d.name AS town_name, e.industry_code,
       y.year, y.revenue_fen::text AS revenue_fen, y.rd_fen::text AS rd_fen, y.staff, y.tech_staff,
       (SELECT count(DISTINCT p.id)::int FROM patents p
          JOIN patent_applicants pa ON pa.patent_id = p.id AND pa.holder_type = 'enterprise' AND pa.holder_id = e.id
        WHERE p.type = 'invention' AND p.granted_on <= $2::date AND p.legal_status NOT IN ('rejected', 'withdrawn')
          AND (p.lapsed_on IS NULL OR p.lapsed_on > $2::date) AND p.expires_on >= $2::date) AS invention_patents,
       (SELECT json_agg(json_build_object('kind', q.kind, 'validTo', to_char(q.valid_to, 'YYYY-MM-DD'))
          ORDER BY q.issued_on DESC, q.kind)
        FROM qualifications q WHERE q.holder_type = 'enterprise' AND q.holder_id = e.id
          AND q.issued_on <= $2::date AND (q.valid_to IS NULL OR q.valid_to >= $2::date)) AS qualifications
     FROM enterprises e
     LEFT JOIN divisions d ON d.code = e.town_code
     LEFT JOIN LATERAL (SELECT * FROM enterprise_years ey WHERE ey.enterprise_id = e.id ORDER BY ey.year DESC LIMIT 1) y ON true
     WHERE e.id = $1`,
    [enterpriseId, day],
  );
  return rows[0] ?? null;
}

/**
 * SQL of review rounds and reviews. Assignments are derived, never stored: the round's draw's `current_panel` ×
 * the call's applications that have reached expert review (an event into `expert_review` exists).
 */
import type { Executor } from '../../platform/db/index.ts';

/** Applications that have reached expert review (they may have moved on since). */
const REACHED_REVIEW = `EXISTS (SELECT 1 FROM programme_application_events e
  WHERE e.application_id = a.id AND e.to_phase = 'expert_review')`;

export interface RoundRow {
  id: string;
  call_id: string;
  call_title: string;
  draw_id: string;
  draw_title: string;
  current_panel: string[];
  form: unknown;
  form_version: number;
  frozen_at: Date | null;
  opens_on: string;
  closes_on: string;
  updated_at: Date;
}

const ROUND = `SELECT r.id, r.call_id, c.title AS call_title, r.draw_id, d.title AS draw_title,
  COALESCE(d.current_panel, '[]'::jsonb) AS current_panel, r.form, r.form_version, r.frozen_at,
  to_char(r.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(r.closes_on, 'YYYY-MM-DD') AS closes_on, r.updated_at
  FROM review_rounds r JOIN programme_calls c ON c.id = r.call_id JOIN draws d ON d.id = r.draw_id`;

export async function roundOfCall(ex: Executor, callId: string, lock = false): Promise<RoundRow | null> {
  if (lock) await ex.query('SELECT 1 FROM review_rounds WHERE call_id = $1 FOR UPDATE', [callId]);
  const { rows } = await ex.query<RoundRow>(`${ROUND} WHERE r.call_id = $1`, [callId]);
  return rows[0] ?? null;
}

export async function callExists(
  ex: Executor,
  callId: string,
): Promise<{ title: string; status: string } | null> {
  const { rows } = await ex.query<{ title: string; status: string }>(
    'SELECT title, status FROM programme_calls WHERE id = $1',
    [callId],
  );
  return rows[0] ?? null;
}

export async function drawState(
  ex: Executor,
  drawId: string,
): Promise<{ status: string; current_panel: string[] | null } | null> {
  const { rows } = await ex.query<{ status: string; current_panel: string[] | null }>(
    'SELECT status, current_panel FROM draws WHERE id = $1',
    [drawId],
  );
  return rows[0] ?? null;
}

export interface RoundFields {
  drawId: string;
  form: unknown;
  opensOn: string;
  closesOn: string;
}

export async function insertRound(ex: Executor, callId: string, f: RoundFields, by: string | null, at: Date) {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO review_rounds (call_id, draw_id, form, opens_on, closes_on, created_by, created_at, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $7) RETURNING id`,
    [callId, f.drawId, JSON.stringify(f.form), f.opensOn, f.closesOn, by, at],
  );
  return rows[0]!.id;
}

export async function updateRound(ex: Executor, id: string, f: RoundFields, formVersion: number, at: Date) {
  await ex.query(
    `UPDATE review_rounds SET draw_id = $2, form = $3::jsonb, form_version = $4, opens_on = $5, closes_on = $6,
       updated_at = $7 WHERE id = $1`,
    [id, f.drawId, JSON.stringify(f.form), formVersion, f.opensOn, f.closesOn, at],
  );
}

export async function freezeRound(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.query('UPDATE review_rounds SET frozen_at = $2 WHERE id = $1 AND frozen_at IS NULL', [id, at]);
}

export async function expertNames(ex: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await ex.query<{ code: string; name: string }>(
    'SELECT code, name FROM experts WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface ReviewedApplication {
  id: string;
  enterprise_name: string;
  project_title: string | null;
  phase: string;
}

export async function reviewedApplications(ex: Executor, callId: string): Promise<ReviewedApplication[]> {
  const { rows } = await ex.query<ReviewedApplication>(
    `SELECT a.id, e.name AS enterprise_name, a.form_data->>'projectTitle' AS project_title, a.phase
     FROM programme_applications a JOIN enterprises e ON e.id = a.enterprise_id
     WHERE a.call_id = $1 AND ${REACHED_REVIEW} ORDER BY a.submitted_at, a.id`,
    [callId],
  );
  return rows;
}

export interface ReviewRow {
  id: string;
  application_id: string;
  expert_code: string;
  status: 'declared' | 'draft' | 'submitted' | 'conflicted';
  conflict_reason: string | null;
  scores: Record<string, number>;
  comments: Record<string, string>;
  total: string | null;
  submitted_at: Date | null;
}

const REVIEW = `SELECT v.id, v.application_id, v.expert_code, v.status, v.conflict_reason, v.scores, v.comments, v.total,
  v.submitted_at FROM reviews v`;

export async function reviewsOfRound(ex: Executor, roundId: string, status?: string): Promise<ReviewRow[]> {
  const { rows } = await ex.query<ReviewRow>(
    `${REVIEW} WHERE v.round_id = $1 AND ($2::text IS NULL OR v.status = $2) ORDER BY v.expert_code, v.application_id`,
    [roundId, status ?? null],
  );
  return rows;
}

export async function reviewsOfApplication(ex: Executor, applicationId: string): Promise<ReviewRow[]> {
  const { rows } = await ex.query<ReviewRow>(
    `${REVIEW} WHERE v.application_id = $1 ORDER BY v.submitted_at NULLS LAST, v.expert_code`,
    [applicationId],
  );
  return rows;
}

export interface AssignmentRow {
  application_id: string;
  call_id: string;
  call_title: string;
  round_id: string;
  enterprise_name: string;
  project_title: string | null;
  form_data: Record<string, unknown>;
  form_schema: unknown;
  form: unknown;
  form_version: number;
  opens_on: string;
  closes_on: string;
  status: ReviewRow['status'] | null;
}

const ASSIGNMENT = `SELECT a.id AS application_id, a.call_id, c.title AS call_title, r.id AS round_id,
  e.name AS enterprise_name, a.form_data->>'projectTitle' AS project_title, a.form_data, pd.form_schema, r.form,
  r.form_version, to_char(r.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(r.closes_on, 'YYYY-MM-DD') AS closes_on,
  v.status
  FROM review_rounds r
  JOIN draws d ON d.id = r.draw_id
  JOIN programme_calls c ON c.id = r.call_id
  LEFT JOIN programme_definitions pd ON pd.id = c.definition_id
  JOIN programme_applications a ON a.call_id = r.call_id
  JOIN enterprises e ON e.id = a.enterprise_id
  LEFT JOIN reviews v ON v.application_id = a.id AND v.expert_code = $1
  WHERE d.current_panel @> jsonb_build_array($1::text) AND ${REACHED_REVIEW}`;

/** Every application the expert is assigned to (conflicted ones included, with their status). */
export async function assignmentsOf(ex: Executor, code: string): Promise<AssignmentRow[]> {
  const { rows } = await ex.query<AssignmentRow>(
    `${ASSIGNMENT} ORDER BY r.closes_on DESC, c.title, a.submitted_at, a.id`,
    [code],
  );
  return rows;
}

/** One assignment; with `lock`, the expert's review row (if any) and the round are locked. */
export async function assignment(
  ex: Executor,
  code: string,
  applicationId: string,
  lock = false,
): Promise<AssignmentRow | null> {
  const { rows } = await ex.query<AssignmentRow>(`${ASSIGNMENT} AND a.id = $2`, [code, applicationId]);
  const row = rows[0] ?? null;
  if (row && lock) {
    await ex.query('SELECT 1 FROM review_rounds WHERE id = $1 FOR UPDATE', [row.round_id]);
    await ex.query('SELECT 1 FROM reviews WHERE application_id = $1 AND expert_code = $2 FOR UPDATE', [
      applicationId,
      code,
    ]);
  }
  return row;
}

export async function myReview(ex: Executor, applicationId: string, code: string): Promise<ReviewRow | null> {
  const { rows } = await ex.query<ReviewRow>(`${REVIEW} WHERE v.application_id = $1 AND v.expert_code = $2`, [
    applicationId,
    code,
  ]);
  return rows[0] ?? null;
}

export async function insertDeclaration(
  ex: Executor,
  r: { roundId: string; applicationId: string; code: string; conflictReason: string | null; at: Date },
): Promise<string | null> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO reviews (round_id, application_id, expert_code, status, conflict_reason, declared_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (application_id, expert_code) DO NOTHING RETURNING id`,
    [
      r.roundId,
      r.applicationId,
      r.code,
      r.conflictReason === null ? 'declared' : 'conflicted',
      r.conflictReason,
      r.at,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function saveScores(
  ex: Executor,
  id: string,
  r: { scores: object; comments: object; total: string | null; formVersion: number; at: Date },
): Promise<void> {
  await ex.query(
    `UPDATE reviews SET status = CASE WHEN $4::text IS NULL THEN 'draft' ELSE 'submitted' END,
       scores = $2::jsonb, comments = $3::jsonb, total = $4, form_version = $5,
       submitted_at = CASE WHEN $4::text IS NULL THEN NULL ELSE $6::timestamptz END, updated_at = $6
     WHERE id = $1`,
    [id, JSON.stringify(r.scores), JSON.stringify(r.comments), r.total, r.formVersion, r.at],
  );
}

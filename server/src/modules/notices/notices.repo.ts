/** SQL of decisions and public notices: notices, their entries, objections and the published results. */
import type { Executor, SqlValue } from '../../platform/db/index.ts';

export interface CallInfo {
  id: string;
  title: string;
  year: number;
  status: string;
}

export async function callInfo(ex: Executor, id: string): Promise<CallInfo | null> {
  const { rows } = await ex.query<CallInfo>(
    `SELECT id, title, year::int AS year, status FROM programme_calls WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export interface TargetRow {
  id: string;
  call_id: string;
  phase: string;
  enterprise_name: string;
  project_title: string | null;
}

/** The applications a batch names, locked in id order so two batches never deadlock. */
export async function lockTargets(ex: Executor, ids: readonly string[]): Promise<TargetRow[]> {
  const { rows } = await ex.query<TargetRow>(
    `SELECT a.id, a.call_id, a.phase, e.name AS enterprise_name,
            NULLIF(btrim(a.form_data->>'projectTitle'), '') AS project_title
       FROM programme_applications a JOIN enterprises e ON e.id = a.enterprise_id
      WHERE a.id = ANY($1::uuid[])
      ORDER BY a.id
        FOR UPDATE OF a`,
    [ids],
  );
  return rows;
}

export interface NoticeRow {
  id: string;
  call_id: string;
  call_title: string;
  year: number;
  title: string;
  starts_on: string;
  days: number;
  ends_on: string;
  published_at: string;
  entries: number;
  objections: number;
  open_objections: number;
}

const NOTICE_SELECT = `
  SELECT n.id, n.call_id, c.title AS call_title, c.year::int AS year, n.title, n.starts_on::text AS starts_on,
         n.days, n.ends_on::text AS ends_on, n.published_at,
         (SELECT count(*)::int FROM programme_notice_entries x WHERE x.notice_id = n.id) AS entries,
         (SELECT count(*)::int FROM programme_objections o WHERE o.notice_id = n.id) AS objections,
         (SELECT count(*)::int FROM programme_objections o WHERE o.notice_id = n.id AND o.handled_at IS NULL)
           AS open_objections
    FROM programme_notices n JOIN programme_calls c ON c.id = n.call_id`;

/** Notices, newest first; `startedBy` keeps those whose first day has come (the public view). */
export async function listNotices(
  ex: Executor,
  f: { id?: string | undefined; callId?: string | undefined; startedBy?: string | undefined },
): Promise<NoticeRow[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (f.id !== undefined) where.push(`n.id = $${params.push(f.id)}`);
  if (f.callId !== undefined) where.push(`n.call_id = $${params.push(f.callId)}`);
  if (f.startedBy !== undefined) where.push(`n.starts_on <= $${params.push(f.startedBy)}::date`);
  const { rows } = await ex.query<NoticeRow>(
    `${NOTICE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY n.starts_on DESC, n.published_at DESC, n.id`,
    params,
  );
  return rows;
}

/** The call's notice that has not begun before `today`: approvals proposed now join it and get its whole length. */
export async function pendingNotice(ex: Executor, callId: string, today: string): Promise<NoticeRow | null> {
  const { rows } = await ex.query<{ id: string }>(
    `SELECT id FROM programme_notices WHERE call_id = $1 AND starts_on >= $2::date
      ORDER BY starts_on DESC, published_at DESC LIMIT 1 FOR UPDATE`,
    [callId, today],
  );
  return rows[0] ? ((await listNotices(ex, { id: rows[0].id }))[0] ?? null) : null;
}

export async function insertNotice(
  ex: Executor,
  n: {
    callId: string;
    title: string;
    startsOn: string;
    days: number;
    endsOn: string;
    by: string | null;
    at: Date;
  },
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_notices (call_id, title, starts_on, days, ends_on, published_by, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [n.callId, n.title, n.startsOn, n.days, n.endsOn, n.by, n.at.toISOString()],
  );
  return rows[0]!.id;
}

export async function insertEntry(
  ex: Executor,
  e: {
    noticeId: string;
    applicationId: string;
    enterpriseName: string;
    projectTitle: string | null;
    proposedFen: string | null;
    at: Date;
  },
): Promise<void> {
  await ex.query(
    `INSERT INTO programme_notice_entries (notice_id, application_id, position, enterprise_name, project_title, proposed_fen, added_at)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM programme_notice_entries WHERE notice_id = $1),
             $3, $4, $5::bigint, $6)`,
    [e.noticeId, e.applicationId, e.enterpriseName, e.projectTitle, e.proposedFen, e.at.toISOString()],
  );
}

export interface EntryRow {
  application_id: string;
  position: number;
  enterprise_name: string;
  uscc: string;
  project_title: string | null;
  proposed_fen: string | null;
  phase: string;
  open_objections: number;
}

export async function entriesOf(ex: Executor, noticeId: string): Promise<EntryRow[]> {
  const { rows } = await ex.query<EntryRow>(
    `SELECT x.application_id, x.position, x.enterprise_name, e.uscc, x.project_title, x.proposed_fen::text AS proposed_fen,
            a.phase,
            (SELECT count(*)::int FROM programme_objections o
              WHERE o.notice_id = x.notice_id AND o.application_id = x.application_id AND o.handled_at IS NULL)
              AS open_objections
       FROM programme_notice_entries x
       JOIN programme_applications a ON a.id = x.application_id
       JOIN enterprises e ON e.id = a.enterprise_id
      WHERE x.notice_id = $1
      ORDER BY x.position`,
    [noticeId],
  );
  return rows;
}

/** The notice an application was last proposed on: its last day and the objections on it still open. */
export async function latestEntryFacts(
  ex: Executor,
  applicationId: string,
): Promise<{ ends_on: string; open_objections: number } | null> {
  const { rows } = await ex.query<{ ends_on: string; open_objections: number }>(
    `SELECT n.ends_on::text AS ends_on,
            (SELECT count(*)::int FROM programme_objections o
              WHERE o.notice_id = x.notice_id AND o.application_id = x.application_id AND o.handled_at IS NULL)
              AS open_objections
       FROM programme_notice_entries x JOIN programme_notices n ON n.id = x.notice_id
      WHERE x.application_id = $1
      ORDER BY x.added_at DESC, n.starts_on DESC
      LIMIT 1`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function insertObjection(
  ex: Executor,
  o: { noticeId: string; applicationId: string; name: string; phoneEnc: string; body: string; at: Date },
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO programme_objections (notice_id, application_id, name, phone_enc, body, received_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [o.noticeId, o.applicationId, o.name, o.phoneEnc, o.body, o.at.toISOString()],
  );
  return rows[0]!.id;
}

export interface ObjectionRow {
  id: string;
  notice_id: string;
  application_id: string;
  enterprise_name: string;
  project_title: string | null;
  phase: string;
  name: string;
  phone_enc: string;
  body: string;
  received_at: string;
  outcome: 'upheld' | 'dismissed' | null;
  response: string | null;
  handled_at: string | null;
  handled_by: string | null;
}

export async function listObjections(
  ex: Executor,
  f: { noticeId?: string; id?: string },
  lock = false,
): Promise<ObjectionRow[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (f.noticeId !== undefined) where.push(`o.notice_id = $${params.push(f.noticeId)}`);
  if (f.id !== undefined) where.push(`o.id = $${params.push(f.id)}`);
  const { rows } = await ex.query<ObjectionRow>(
    `SELECT o.id, o.notice_id, o.application_id, x.enterprise_name, x.project_title, a.phase, o.name, o.phone_enc,
            o.body, o.received_at, o.outcome, o.response, o.handled_at, u.display_name AS handled_by
       FROM programme_objections o
       JOIN programme_notice_entries x ON x.notice_id = o.notice_id AND x.application_id = o.application_id
       JOIN programme_applications a ON a.id = o.application_id
       LEFT JOIN users u ON u.id = o.handled_by
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY o.received_at, o.id
      ${lock ? 'FOR UPDATE OF o' : ''}`,
    params,
  );
  return rows;
}

export async function handleObjection(
  ex: Executor,
  id: string,
  h: { outcome: string; response: string; by: string; at: Date },
): Promise<void> {
  await ex.query(
    `UPDATE programme_objections SET outcome = $2, response = $3, handled_by = $4, handled_at = $5 WHERE id = $1`,
    [id, h.outcome, h.response, h.by, h.at.toISOString()],
  );
}

export interface ResultRow {
  application_id: string;
  call_id: string;
  call_title: string;
  year: number;
  enterprise_name: string;
  uscc: string;
  project_title: string | null;
  proposed_fen: string | null;
  phase: string;
  confirmed_at: string | null;
}

/** Applications confirmed after a notice (approved and every later phase), by call and notice position. */
export async function results(ex: Executor, phases: readonly string[], year?: number): Promise<ResultRow[]> {
  const params: SqlValue[] = [phases];
  const byYear = year === undefined ? '' : `AND c.year = $${params.push(year)}`;
  const { rows } = await ex.query<ResultRow>(
    `SELECT a.id AS application_id, c.id AS call_id, c.title AS call_title, c.year::int AS year,
            x.enterprise_name, e.uscc, x.project_title, x.proposed_fen::text AS proposed_fen, a.phase,
            (SELECT max(ev.at) FROM programme_application_events ev
              WHERE ev.application_id = a.id AND ev.action = 'confirm') AS confirmed_at
       FROM programme_notice_entries x
       JOIN programme_notices n ON n.id = x.notice_id
       JOIN programme_applications a ON a.id = x.application_id
       JOIN programme_calls c ON c.id = a.call_id
       JOIN enterprises e ON e.id = a.enterprise_id
      WHERE a.phase = ANY($1::text[]) ${byYear}
        AND x.added_at = (SELECT max(y.added_at) FROM programme_notice_entries y WHERE y.application_id = a.id)
      ORDER BY c.year DESC, c.opens_on, c.id, n.starts_on, x.position, a.id`,
    params,
  );
  return rows;
}

/** SQL of policy training: courses, sessions with their enrolment counts, enrolments and attendance. */
import type { CourseInput, SessionInput } from '@jinke/core/cultivation/training.contract.ts';
import type { Executor } from '../../platform/db/index.ts';

export interface CourseRow {
  id: string;
  title: string;
  summary: string;
  topic: string;
  materials_url: string | null;
  upcoming_sessions: number;
  created_at: Date | string;
}

const COURSE_SELECT = `SELECT c.id, c.title, c.summary, c.topic, c.materials_url, c.created_at,
  (SELECT count(*)::int FROM training_sessions s
    WHERE s.course_id = c.id AND s.status = 'scheduled' AND s.starts_at > $1) AS upcoming_sessions
  FROM training_courses c`;

export async function listCourses(ex: Executor, now: Date): Promise<CourseRow[]> {
  const { rows } = await ex.query<CourseRow>(`${COURSE_SELECT} ORDER BY c.created_at DESC, c.title`, [now]);
  return rows;
}

export async function findCourse(
  ex: Executor,
  id: string,
  now: Date,
  lock = false,
): Promise<CourseRow | null> {
  const { rows } = await ex.query<CourseRow>(
    `${COURSE_SELECT} WHERE c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
    [now, id],
  );
  return rows[0] ?? null;
}

export async function insertCourse(
  ex: Executor,
  c: CourseInput,
  actorId: string | null,
  now: Date,
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO training_courses (title, summary, topic, materials_url, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [c.title, c.summary, c.topic, c.materialsUrl ?? null, actorId, now],
  );
  return rows[0]!.id;
}

export async function updateCourse(ex: Executor, id: string, c: CourseInput, now: Date): Promise<void> {
  await ex.query(
    `UPDATE training_courses SET title = $2, summary = $3, topic = $4, materials_url = $5, updated_at = $6
      WHERE id = $1`,
    [id, c.title, c.summary, c.topic, c.materialsUrl ?? null, now],
  );
}

export interface SessionRow {
  id: string;
  course_id: string;
  course_title: string;
  topic: string;
  starts_at: Date | string;
  ends_at: Date | string;
  mode: 'onsite' | 'online';
  place: string | null;
  online_url: string | null;
  capacity: number;
  status: 'scheduled' | 'cancelled';
  enrolled: number;
  my_enrolment_id: string | null;
  my_attended: boolean | null;
}

/** `$1` is the caller's user id (for their own enrolment), further placeholders follow. */
const SESSION_SELECT = `SELECT s.id, s.course_id, c.title AS course_title, c.topic, s.starts_at, s.ends_at, s.mode,
  s.place, s.online_url, s.capacity, s.status,
  (SELECT count(*)::int FROM training_enrolments e WHERE e.session_id = s.id) AS enrolled,
  m.id AS my_enrolment_id, m.attended AS my_attended
  FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
  LEFT JOIN training_enrolments m ON m.session_id = s.id AND m.user_id = $1`;

export async function listSessions(
  ex: Executor,
  userId: string,
  q: { courseId?: string | undefined; endedAfter?: Date | undefined },
): Promise<SessionRow[]> {
  const params: (string | Date)[] = [userId];
  const where: string[] = [];
  if (q.courseId) {
    params.push(q.courseId);
    where.push(`s.course_id = $${params.length}`);
  }
  if (q.endedAfter) {
    params.push(q.endedAfter);
    where.push(`s.ends_at > $${params.length}`);
  }
  const { rows } = await ex.query<SessionRow>(
    `${SESSION_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY s.starts_at, c.title, s.id`,
    params,
  );
  return rows;
}

export async function findSession(ex: Executor, userId: string, id: string): Promise<SessionRow | null> {
  const { rows } = await ex.query<SessionRow>(`${SESSION_SELECT} WHERE s.id = $2`, [userId, id]);
  return rows[0] ?? null;
}

export async function sessionExists(ex: Executor, id: string): Promise<boolean> {
  const { rows } = await ex.query('SELECT 1 FROM training_sessions WHERE id = $1', [id]);
  return rows.length > 0;
}

/** Locks the session row: enrolments of one session are decided one at a time (capacity holds under load). */
export async function lockSession(ex: Executor, id: string): Promise<void> {
  await ex.query('SELECT id FROM training_sessions WHERE id = $1 FOR UPDATE', [id]);
}

export async function insertSession(
  ex: Executor,
  courseId: string,
  s: SessionInput,
  now: Date,
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO training_sessions (course_id, starts_at, ends_at, mode, place, online_url, capacity, status,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [courseId, s.startsAt, s.endsAt, s.mode, s.place ?? null, s.onlineUrl ?? null, s.capacity, s.status, now],
  );
  return rows[0]!.id;
}

export async function updateSession(ex: Executor, id: string, s: SessionInput, now: Date): Promise<void> {
  await ex.query(
    `UPDATE training_sessions SET starts_at = $2, ends_at = $3, mode = $4, place = $5, online_url = $6,
       capacity = $7, status = $8, updated_at = $9 WHERE id = $1`,
    [id, s.startsAt, s.endsAt, s.mode, s.place ?? null, s.onlineUrl ?? null, s.capacity, s.status, now],
  );
}

export interface EnrolmentRow {
  id: string;
  session_id: string;
  user_id: string;
  participant: string;
  enterprise_uscc: string;
  enterprise_name: string | null;
  enrolled_at: Date | string;
  attended: boolean | null;
}

const ENROLMENT_SELECT = `SELECT e.id, e.session_id, e.user_id, u.display_name AS participant, e.enterprise_uscc,
  ent.name AS enterprise_name, e.enrolled_at, e.attended
  FROM training_enrolments e JOIN users u ON u.id = e.user_id
  LEFT JOIN enterprises ent ON ent.uscc = e.enterprise_uscc`;

export async function enrolmentsOf(ex: Executor, sessionId: string): Promise<EnrolmentRow[]> {
  const { rows } = await ex.query<EnrolmentRow>(
    `${ENROLMENT_SELECT} WHERE e.session_id = $1 ORDER BY e.enrolled_at, e.id`,
    [sessionId],
  );
  return rows;
}

export async function findEnrolment(ex: Executor, id: string): Promise<EnrolmentRow | null> {
  const { rows } = await ex.query<EnrolmentRow>(`${ENROLMENT_SELECT} WHERE e.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function countEnrolments(ex: Executor, sessionId: string): Promise<number> {
  const { rows } = await ex.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM training_enrolments WHERE session_id = $1',
    [sessionId],
  );
  return rows[0]?.n ?? 0;
}

export async function insertEnrolment(
  ex: Executor,
  e: { sessionId: string; userId: string; uscc: string },
  now: Date,
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO training_enrolments (session_id, user_id, enterprise_uscc, enrolled_at) VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [e.sessionId, e.userId, e.uscc, now],
  );
  return rows[0]!.id;
}

export async function deleteEnrolment(ex: Executor, id: string): Promise<void> {
  await ex.query('DELETE FROM training_enrolments WHERE id = $1', [id]);
}

export async function markAttendance(
  ex: Executor,
  id: string,
  attended: boolean,
  actorId: string,
  now: Date,
): Promise<void> {
  await ex.query(
    `UPDATE training_enrolments SET attended = $2, attendance_marked_by = $3, attendance_marked_at = $4 WHERE id = $1`,
    [id, attended, actorId, now],
  );
}

/** The user's enrolments with their sessions, soonest first. */
export async function enrolmentsOfUser(
  ex: Executor,
  userId: string,
): Promise<(SessionRow & { enrolment_id: string; enrolled_at: Date | string; attended: boolean | null })[]> {
  const { rows } = await ex.query<
    SessionRow & { enrolment_id: string; enrolled_at: Date | string; attended: boolean | null }
  >(
    `SELECT x.*, e.id AS enrolment_id, e.enrolled_at, e.attended
       FROM (${SESSION_SELECT}) x JOIN training_enrolments e ON e.session_id = x.id AND e.user_id = $1
      ORDER BY x.starts_at, x.id`,
    [userId],
  );
  return rows;
}

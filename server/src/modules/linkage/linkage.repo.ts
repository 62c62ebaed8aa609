/**
 * Linkage SQL: links, visits and problems with the names readers see, each list narrowed by a `Scope` (the
 * condition on the enterprise `e` the actor may see, built by the service from platform/scope.ts and the links).
 */
import type { Executor, SqlValue } from '../../platform/db/index.ts';

/** A growing parameter list: `add` places a value and returns its placeholder. */
export class Params {
  readonly values: SqlValue[] = [];
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Adds the actor's condition on `e` (an enterprise) to `params` and returns its SQL. */
export type Scope = (params: Params) => string;

const PENDING = `('open', 'in_progress', 'reopened')`;

/* ---------- reference rows ---------- */

export interface EnterpriseRow {
  id: string;
  name: string;
  uscc: string;
  town_code: string | null;
}

export async function enterpriseById(ex: Executor, id: string): Promise<EnterpriseRow | null> {
  const { rows } = await ex.query<EnterpriseRow>(
    'SELECT id, name, uscc, town_code FROM enterprises WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export interface UserRow {
  id: string;
  role: string;
  display_name: string;
  active: boolean;
}

export async function userById(ex: Executor, id: string): Promise<UserRow | null> {
  const { rows } = await ex.query<UserRow>(
    'SELECT id, role, display_name, disabled_at IS NULL AS active FROM users WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/** Active users of a role, by name. */
export async function usersOfRole(
  ex: Executor,
  role: 'leader' | 'officer',
): Promise<{ id: string; name: string }[]> {
  const { rows } = await ex.query<{ id: string; name: string }>(
    `SELECT id, display_name AS name FROM users WHERE role = $1 AND disabled_at IS NULL ORDER BY display_name, username`,
    [role],
  );
  return rows;
}

/* ---------- links ---------- */

export interface LinkRow {
  id: string;
  leader_id: string;
  leader_name: string;
  enterprise_id: string;
  enterprise_name: string;
  uscc: string;
  town_code: string | null;
  town_name: string | null;
  since: string;
  until: string | null;
  last_visit_on: string | null;
  pending: number;
  overdue: number;
}

export async function listLinks(
  ex: Executor,
  filter: { leaderId?: string | undefined; town?: string | undefined; ended: boolean; id?: string },
  today: string,
): Promise<LinkRow[]> {
  const p = new Params();
  const where: string[] = [];
  if (!filter.ended) where.push('l.until IS NULL');
  if (filter.leaderId) where.push(`l.leader_id = ${p.add(filter.leaderId)}`);
  if (filter.town) where.push(`e.town_code = ${p.add(filter.town)}`);
  if (filter.id) where.push(`l.id = ${p.add(filter.id)}`);
  const t = p.add(today);
  const { rows } = await ex.query<LinkRow>(
    `SELECT l.id, l.leader_id, u.display_name AS leader_name, l.enterprise_id, e.name AS enterprise_name, e.uscc,
            e.town_code, d.name AS town_name, to_char(l.since, 'YYYY-MM-DD') AS since,
            to_char(l.until, 'YYYY-MM-DD') AS until,
            (SELECT to_char(max(v.visited_on), 'YYYY-MM-DD') FROM linkage_visits v
              WHERE v.enterprise_id = l.enterprise_id AND v.leader_id = l.leader_id) AS last_visit_on,
            (SELECT count(*)::int FROM linkage_problems p
              WHERE p.enterprise_id = l.enterprise_id AND p.status IN ${PENDING}) AS pending,
            (SELECT count(*)::int FROM linkage_problems p
              WHERE p.enterprise_id = l.enterprise_id AND p.status IN ${PENDING} AND p.due_on < ${t}::date) AS overdue
       FROM linkage_links l
       JOIN users u ON u.id = l.leader_id
       JOIN enterprises e ON e.id = l.enterprise_id
       LEFT JOIN divisions d ON d.code = e.town_code
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY u.display_name, d.sort_order NULLS LAST, e.name, l.since DESC`,
    p.values,
  );
  return rows;
}

/** The current link of a leader to an enterprise, if any. */
export async function activeLink(
  ex: Executor,
  leaderId: string,
  enterpriseId: string,
): Promise<string | null> {
  const { rows } = await ex.query<{ id: string }>(
    'SELECT id FROM linkage_links WHERE leader_id = $1 AND enterprise_id = $2 AND until IS NULL',
    [leaderId, enterpriseId],
  );
  return rows[0]?.id ?? null;
}

export async function linkById(
  ex: Executor,
  id: string,
): Promise<{ id: string; since: string; until: string | null } | null> {
  const { rows } = await ex.query<{ id: string; since: string; until: string | null }>(
    `SELECT id, to_char(since, 'YYYY-MM-DD') AS since, to_char(until, 'YYYY-MM-DD') AS until
       FROM linkage_links WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertLink(
  ex: Executor,
  link: { leaderId: string; enterpriseId: string; since: string; by: string | null },
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO linkage_links (leader_id, enterprise_id, since, linked_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [link.leaderId, link.enterpriseId, link.since, link.by],
  );
  return rows[0]!.id;
}

export async function endLink(ex: Executor, id: string, until: string, by: string | null): Promise<void> {
  await ex.query('UPDATE linkage_links SET until = $2, ended_by = $3 WHERE id = $1', [id, until, by]);
}

/* ---------- visits ---------- */

export interface VisitRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  town_code: string | null;
  town_name: string | null;
  leader_id: string;
  leader_name: string;
  visited_on: string;
  summary: string;
  participants: string;
  problems: number;
}

const VISIT_FROM = `FROM linkage_visits v
  JOIN enterprises e ON e.id = v.enterprise_id
  JOIN users u ON u.id = v.leader_id
  LEFT JOIN divisions d ON d.code = e.town_code`;

const VISIT_COLUMNS = `v.id, v.enterprise_id, e.name AS enterprise_name, e.town_code, d.name AS town_name, v.leader_id,
  u.display_name AS leader_name, to_char(v.visited_on, 'YYYY-MM-DD') AS visited_on, v.summary, v.participants,
  (SELECT count(*)::int FROM linkage_problems p WHERE p.visit_id = v.id) AS problems`;

export async function listVisits(
  ex: Executor,
  scope: Scope,
  filter: {
    leaderId?: string | undefined;
    town?: string | undefined;
    enterpriseId?: string | undefined;
    id?: string;
  },
  limit: number | null,
  offset = 0,
): Promise<{ rows: VisitRow[]; total: number }> {
  const p = new Params();
  const where = [scope(p)];
  if (filter.leaderId) where.push(`v.leader_id = ${p.add(filter.leaderId)}`);
  if (filter.town) where.push(`e.town_code = ${p.add(filter.town)}`);
  if (filter.enterpriseId) where.push(`v.enterprise_id = ${p.add(filter.enterpriseId)}`);
  if (filter.id) where.push(`v.id = ${p.add(filter.id)}`);
  const cond = `WHERE ${where.join(' AND ')}`;
  const total = await ex.query<{ n: number }>(`SELECT count(*)::int AS n ${VISIT_FROM} ${cond}`, p.values);
  const page = limit === null ? '' : `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
  const { rows } = await ex.query<VisitRow>(
    `SELECT ${VISIT_COLUMNS} ${VISIT_FROM} ${cond} ORDER BY v.visited_on DESC, e.name, v.id ${page}`,
    p.values,
  );
  return { rows, total: total.rows[0]?.n ?? 0 };
}

export async function insertVisit(
  ex: Executor,
  v: {
    enterpriseId: string;
    leaderId: string;
    visitedOn: string;
    summary: string;
    participants: string;
    by: string | null;
  },
): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO linkage_visits (enterprise_id, leader_id, visited_on, summary, participants, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [v.enterpriseId, v.leaderId, v.visitedOn, v.summary, v.participants, v.by],
  );
  return rows[0]!.id;
}

/* ---------- problems ---------- */

export interface ProblemRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  town_code: string | null;
  town_name: string | null;
  visit_id: string | null;
  leader_name: string | null;
  title: string;
  description: string;
  category: string;
  assignee_id: string | null;
  assignee_name: string | null;
  department: string | null;
  raised_on: string;
  due_on: string;
  status: string;
  resolution: string | null;
  resolved_on: string | null;
  overdue: boolean;
}

const PROBLEM_FROM = `FROM linkage_problems p
  JOIN enterprises e ON e.id = p.enterprise_id
  LEFT JOIN divisions d ON d.code = e.town_code
  LEFT JOIN linkage_visits v ON v.id = p.visit_id
  LEFT JOIN users lu ON lu.id = v.leader_id
  LEFT JOIN users au ON au.id = p.assignee_id`;

export interface ProblemFilter {
  q?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  leaderId?: string | undefined;
  town?: string | undefined;
  enterpriseId?: string | undefined;
  id?: string;
}

/** Problems the scope allows, most urgent first (overdue, then by due date); every one when `limit` is null. */
export async function listProblems(
  ex: Executor,
  scope: Scope,
  filter: ProblemFilter,
  today: string,
  limit: number | null,
  offset = 0,
): Promise<{ rows: ProblemRow[]; total: number }> {
  const p = new Params();
  const t = p.add(today);
  const overdue = `(p.status IN ${PENDING} AND p.due_on < ${t}::date)`;
  const where = [scope(p)];
  if (filter.q) {
    const like = p.add(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.title ILIKE ${like} OR e.name ILIKE ${like})`);
  }
  if (filter.status) where.push(`p.status = ${p.add(filter.status)}`);
  if (filter.overdue !== undefined) where.push(filter.overdue ? overdue : `NOT ${overdue}`);
  if (filter.leaderId)
    where.push(
      `(v.leader_id = ${p.add(filter.leaderId)} OR EXISTS (SELECT 1 FROM linkage_links fl
         WHERE fl.enterprise_id = p.enterprise_id AND fl.leader_id = $${p.values.length} AND fl.until IS NULL))`,
    );
  if (filter.town) where.push(`e.town_code = ${p.add(filter.town)}`);
  if (filter.enterpriseId) where.push(`p.enterprise_id = ${p.add(filter.enterpriseId)}`);
  if (filter.id) where.push(`p.id = ${p.add(filter.id)}`);
  const cond = `WHERE ${where.join(' AND ')}`;
  // `$1` (today) is named in the count too, so both statements have every parameter typed.
  const total = await ex.query<{ n: number }>(
    `SELECT count(*)::int AS n ${PROBLEM_FROM} ${cond} AND ${t}::date IS NOT NULL`,
    p.values,
  );
  const page = limit === null ? '' : `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
  const { rows } = await ex.query<ProblemRow>(
    `SELECT p.id, p.enterprise_id, e.name AS enterprise_name, e.town_code, d.name AS town_name, p.visit_id,
            lu.display_name AS leader_name, p.title, p.description, p.category, p.assignee_id,
            au.display_name AS assignee_name, p.department, to_char(p.raised_on, 'YYYY-MM-DD') AS raised_on,
            to_char(p.due_on, 'YYYY-MM-DD') AS due_on, p.status, p.resolution,
            to_char(p.resolved_on, 'YYYY-MM-DD') AS resolved_on, ${overdue} AS overdue
       ${PROBLEM_FROM} ${cond}
      ORDER BY ${overdue} DESC, (p.status IN ${PENDING}) DESC, p.due_on, p.raised_on, p.id ${page}`,
    p.values,
  );
  return { rows, total: total.rows[0]?.n ?? 0 };
}

export interface LockedProblem {
  id: string;
  enterprise_id: string;
  status: string;
  resolution: string | null;
  raised_on: string;
  due_on: string;
  assignee_id: string | null;
  department: string | null;
  resolved_on: string | null;
}

/** The stored state of one problem, row-locked for a change. */
export async function lockProblem(ex: Executor, id: string): Promise<LockedProblem | null> {
  const { rows } = await ex.query<LockedProblem>(
    `SELECT id, enterprise_id, status, resolution, to_char(raised_on, 'YYYY-MM-DD') AS raised_on,
            to_char(due_on, 'YYYY-MM-DD') AS due_on, assignee_id, department,
            to_char(resolved_on, 'YYYY-MM-DD') AS resolved_on
       FROM linkage_problems WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export interface NewProblem {
  enterpriseId: string;
  visitId: string | null;
  title: string;
  description: string;
  category: string;
  assigneeId: string | null;
  department: string | null;
  raisedOn: string;
  dueOn: string;
  by: string | null;
  at: Date;
}

export async function insertProblem(ex: Executor, n: NewProblem): Promise<string> {
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO linkage_problems (enterprise_id, visit_id, title, description, category, assignee_id, department,
       raised_on, due_on, raised_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [
      n.enterpriseId,
      n.visitId,
      n.title,
      n.description,
      n.category,
      n.assigneeId,
      n.department,
      n.raisedOn,
      n.dueOn,
      n.by,
      n.at.toISOString(),
    ],
  );
  return rows[0]!.id;
}

export async function updateAssignment(
  ex: Executor,
  id: string,
  a: { assigneeId: string | null; department: string | null; dueOn: string },
  at: Date,
): Promise<void> {
  await ex.query(
    'UPDATE linkage_problems SET assignee_id = $2, department = $3, due_on = $4, updated_at = $5 WHERE id = $1',
    [id, a.assigneeId, a.department, a.dueOn, at.toISOString()],
  );
}

export async function updateStatus(
  ex: Executor,
  id: string,
  s: { status: string; resolution: string | null; resolvedOn: string | null },
  at: Date,
): Promise<void> {
  await ex.query(
    'UPDATE linkage_problems SET status = $2, resolution = $3, resolved_on = $4, updated_at = $5 WHERE id = $1',
    [id, s.status, s.resolution, s.resolvedOn, at.toISOString()],
  );
}

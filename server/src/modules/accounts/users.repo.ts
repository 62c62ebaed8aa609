/** SQL for administering users: listing, creating, changing, passwords and lockouts. */
import type { OfficerSection, Role, ScopeType } from '@jinke/core/accounts/roles.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { UserRow } from './accounts.repo.ts';

export interface UserListRow extends UserRow {
  scope_name: string | null;
}

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  limit: number;
  offset: number;
}

/** `%` and `_` typed by the user match themselves, not any text. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(filter: UserFilter): { sql: string; params: (string | null)[] } {
  const q = filter.q?.trim() ? likePattern(filter.q.trim()) : null;
  return {
    sql: `($1::text IS NULL OR u.username ILIKE $1 ESCAPE '\\' OR u.display_name ILIKE $1 ESCAPE '\\')
      AND ($2::text IS NULL OR u.role = $2)`,
    params: [q, filter.role ?? null],
  };
}

export async function listUsers(
  db: Executor,
  filter: UserFilter,
): Promise<{ rows: UserListRow[]; total: number }> {
  const w = where(filter);
  const count = await db.query<{ total: string }>(
    `SELECT count(*) AS total FROM users u WHERE ${w.sql}`,
    w.params,
  );
  const { rows } = await db.query<UserListRow>(
    `SELECT u.*, d.name AS scope_name
       FROM users u LEFT JOIN divisions d ON u.scope_type = 'town' AND d.code = u.scope_id
      WHERE ${w.sql}
      ORDER BY u.username
      LIMIT $3 OFFSET $4`,
    [...w.params, filter.limit, filter.offset],
  );
  return { rows, total: Number(count.rows[0]?.total ?? 0) };
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM users WHERE username = $1', [username]);
  return rows.length > 0;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  scopeType: ScopeType | null;
  scopeId: string | null;
  sections: OfficerSection[];
  phoneEnc: string | null;
  mustChangePassword: boolean;
}

export async function insertUser(tx: Executor, u: NewUser, now: Date): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(
    `INSERT INTO users (username, display_name, password_hash, role, scope_type, scope_id, sections, phone_enc,
       must_change_password, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING *`,
    [
      u.username,
      u.displayName,
      u.passwordHash,
      u.role,
      u.scopeType,
      u.scopeId,
      u.sections,
      u.phoneEnc,
      u.mustChangePassword,
      now,
    ],
  );
  return rows[0]!;
}

export interface UserChanges {
  displayName: string;
  role: Role;
  scopeType: ScopeType | null;
  scopeId: string | null;
  sections: OfficerSection[];
  phoneEnc: string | null;
  disabledAt: Date | null;
}

export async function updateUser(tx: Executor, id: string, c: UserChanges, now: Date): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(
    `UPDATE users SET display_name = $2, role = $3, scope_type = $4, scope_id = $5, sections = $6, phone_enc = $7,
       disabled_at = $8, updated_at = $9
     WHERE id = $1 RETURNING *`,
    [id, c.displayName, c.role, c.scopeType, c.scopeId, c.sections, c.phoneEnc, c.disabledAt, now],
  );
  return rows[0]!;
}

/**
 * Stores a new password hash. `changedAt` is set when the user chose the password themself and left null
 * (unchanged) when an administrator set an initial one; either way a failed-attempt lockout is lifted.
 */
export async function setPassword(
  tx: Executor,
  id: string,
  p: { hash: string; mustChange: boolean; changedAt: Date | null },
  now: Date,
): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(
    `UPDATE users SET password_hash = $2, must_change_password = $3,
       password_changed_at = COALESCE($4, password_changed_at), failed_attempts = 0, locked_until = NULL, updated_at = $5
     WHERE id = $1 RETURNING *`,
    [id, p.hash, p.mustChange, p.changedAt, now],
  );
  return rows[0]!;
}

export async function clearLockout(tx: Executor, id: string, now: Date): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(
    'UPDATE users SET failed_attempts = 0, locked_until = NULL, updated_at = $2 WHERE id = $1 RETURNING *',
    [id, now],
  );
  return rows[0]!;
}

export async function townDivisionName(db: Executor, code: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT name FROM divisions WHERE code = $1 AND kind IN ('street', 'town', 'zone')",
    [code],
  );
  return rows[0]?.name ?? null;
}

/** Who a command names: an id from the API, a username from the command line. */
export type UserRef = { id: string } | { username: string };

/** The user row, locked for the rest of the transaction. */
export async function lockUser(tx: Executor, ref: UserRef): Promise<UserRow | null> {
  const { rows } =
    'id' in ref
      ? await tx.query<UserRow>('SELECT * FROM users WHERE id = $1 FOR UPDATE', [ref.id])
      : await tx.query<UserRow>('SELECT * FROM users WHERE username = $1 FOR UPDATE', [
          ref.username.trim().toLowerCase(),
        ]);
  return rows[0] ?? null;
}

/** SQL for users. Every function takes an executor so the service decides the transaction. */
import type { OfficerSection, Role, ScopeType } from '@jinke/core/accounts/roles.ts';
import type { Executor } from '../../platform/db/index.ts';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  scope_type: ScopeType | null;
  scope_id: string | null;
  sections: OfficerSection[];
  phone_enc: string | null;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  password_changed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return rows[0] ?? null;
}

export async function findUserById(db: Executor, id: string, forUpdate = false): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(`SELECT * FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function recordFailedLogin(db: Executor, id: string, lockedUntil: Date | null): Promise<void> {
  if (lockedUntil) {
    await db.query('UPDATE users SET failed_attempts = 0, locked_until = $2, updated_at = now() WHERE id = $1', [id, lockedUntil]);
  } else {
    await db.query('UPDATE users SET failed_attempts = failed_attempts + 1, updated_at = now() WHERE id = $1', [id]);
  }
}

export async function recordSuccessfulLogin(db: Executor, id: string, now: Date): Promise<void> {
  await db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1', [id, now]);
}

/** The display name of what a scoped user acts for: towns from the division table, enterprises from the registry. */
/**
 * SQL for the display name of what the user row aliased `u` acts for: a town from the division table, an
 * enterprise from the registry. Shared by sign-in and by the per-request session lookup.
 */
export function scopeNameSql(u: string): string {
  return `CASE ${u}.scope_type WHEN 'town' THEN (SELECT name FROM divisions WHERE code = ${u}.scope_id)
    WHEN 'enterprise' THEN (SELECT name FROM enterprises WHERE uscc = ${u}.scope_id) END`;
}

export async function findScopeName(db: Executor, scopeType: ScopeType | null, scopeId: string | null): Promise<string | null> {
  if (!scopeType || !scopeId) return null;
  const { rows } = await db.query<{ name: string | null }>(
    `SELECT ${scopeNameSql('u')} AS name FROM (SELECT $1::text AS scope_type, $2::text AS scope_id) u`,
    [scopeType, scopeId],
  );
  return rows[0]?.name ?? null;
}

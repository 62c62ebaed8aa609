/**
 * Server-side sessions. The cookie carries a random token; the database keeps only its SHA-256, so a leaked
 * table cannot be replayed. Idle timeout 30 minutes, absolute lifetime 12 hours, a new id at every login.
 */
import type { Actor, OfficerSection, Role, ScopeType } from '@jinke/core/accounts/roles.ts';
import type { Executor } from '../../platform/db/index.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { scopeNameSql } from './accounts.repo.ts';

export const SESSION_COOKIE = 'jinke_sid';
export const CSRF_HEADER = 'x-csrf-token';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Last-seen is written at most this often, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  tx: Executor,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<NewSession> {
  const token = randomToken();
  const id = sha256Hex(token);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  await tx.query(
    `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [id, userId, csrfToken, now, expiresAt, meta.ip, meta.userAgent?.slice(0, 256) ?? null],
  );
  return { token, id, csrfToken, expiresAt };
}

export interface ResolvedSession {
  id: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
  displayName: string;
  scopeName: string | null;
}

interface SessionRow {
  id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  username: string;
  role: Role;
  scope_type: ScopeType | null;
  scope_id: string | null;
  sections: OfficerSection[];
  must_change_password: boolean;
  display_name: string;
  scope_name: string | null;
}

/** The live session for a cookie token, or null when unknown, revoked, idle too long, past 12 h or the user is disabled. */
export async function resolveSession(db: Executor, token: string, now: Date): Promise<ResolvedSession | null> {
  if (!token || token.length > 128) return null;
  const id = sha256Hex(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at, u.id AS user_id, u.username, u.role, u.scope_type,
            u.scope_id, u.sections, u.must_change_password, u.display_name, ${scopeNameSql('u')} AS scope_name
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() - lastSeen >= IDLE_TIMEOUT_MS) {
    await db.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = 'expired' WHERE id = $1 AND revoked_at IS NULL`, [
      id,
      now,
    ]);
    return null;
  }
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) {
    await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
  }
  return {
    id,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    displayName: row.display_name,
    scopeName: row.scope_name,
    actor: {
      userId: row.user_id,
      username: row.username,
      role: row.role,
      scopeType: row.scope_type,
      scopeId: row.scope_id,
      sections: row.sections ?? [],
    },
  };
}

export async function revokeSession(tx: Executor, id: string, reason: string, now: Date): Promise<boolean> {
  const r = await tx.query('UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL', [
    id,
    now,
    reason,
  ]);
  return r.rowCount > 0;
}

export async function revokeUserSessions(tx: Executor, userId: string, reason: string, now: Date, exceptId?: string): Promise<number> {
  const r = await tx.query(
    `UPDATE sessions SET revoked_at = $2, revoked_reason = $3
      WHERE user_id = $1 AND revoked_at IS NULL AND ($4::text IS NULL OR id <> $4)`,
    [userId, now, reason, exceptId ?? null],
  );
  return r.rowCount;
}

/**
 * The id a client sees for a session: the first 16 hex characters (64 bits) of the stored key. The stored key
 * is the SHA-256 of the cookie token and is what every request is looked up by, so it stays inside the server;
 * the prefix is enough to name a session because every lookup by it is also restricted to the owner's own
 * sessions, it needs no migration, and it is the same id the audit chain already records for sign-in and
 * sign-out, so a user's session list and the log line up.
 */
export function publicSessionId(id: string): string {
  return id.slice(0, 16);
}

export interface SessionListRow {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** A user's sessions that would still be accepted at `now`: not revoked, not idle too long, not past 12 h. */
export async function listLiveSessions(db: Executor, userId: string, now: Date): Promise<SessionListRow[]> {
  const { rows } = await db.query<SessionListRow>(
    `SELECT id, created_at, last_seen_at, expires_at, ip, user_agent
       FROM sessions
      WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3
      ORDER BY last_seen_at DESC, created_at DESC`,
    [userId, now, new Date(now.getTime() - IDLE_TIMEOUT_MS)],
  );
  return rows;
}

/** The stored key of one of `userId`'s unrevoked sessions named by its public id, or null. */
export async function findOwnSession(db: Executor, userId: string, publicId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND left(id, 16) = $2',
    [userId, publicId],
  );
  return rows[0]?.id ?? null;
}

/** Sign-in, sign-out and the current user. Lockout: 5 failures lock the account for 15 minutes. */
import type { Me } from '@jinke/core/accounts/accounts.contract.ts';
import type { Database } from '../../platform/db/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { type UserRow, findScopeName, findUserByUsername, recordFailedLogin, recordSuccessfulLogin } from './accounts.repo.ts';
import { createSession, revokeSession, type NewSession } from './sessions.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function authService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

  async function login(
    ctx: RequestContext,
    input: { username: string; password: string },
    meta: { userAgent: string | null; previousSessionId: string | null },
  ): Promise<{ session: NewSession; me: Me }> {
    const now = clock();
    const user = await findUserByUsername(db, input.username);
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), input.password);
      throw new AppError('LOGIN_FAILED');
    }
    if (user.locked_until && new Date(user.locked_until) > now) throw new AppError('ACCOUNT_LOCKED');
    const ok = await verifyPassword(user.password_hash, input.password);
    const who = { ...ctx, actor: null };
    if (!ok) {
      const attempts = user.failed_attempts + 1;
      const lockedUntil = attempts >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null;
      await db.transaction(async (tx) => {
        await recordFailedLogin(tx, user.id, lockedUntil);
        await writeAudit(
          tx,
          who,
          {
            action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            changes: { username: user.username, failedAttempts: attempts, lockedUntil: lockedUntil?.toISOString() ?? null },
          },
          now,
        );
      });
      throw new AppError(lockedUntil ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
    }
    if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');
    const session = await db.transaction(async (tx) => {
      // Rotation: the session presented at sign-in (if any) ends; the new one gets a fresh id.
      if (meta.previousSessionId) await revokeSession(tx, meta.previousSessionId, 'replaced at login', now);
      await recordSuccessfulLogin(tx, user.id, now);
      const session = await createSession(tx, user.id, { ip: ctx.ip, userAgent: meta.userAgent }, now);
      await writeAudit(
        tx,
        { ...ctx, actor: { userId: user.id, username: user.username, role: user.role, scopeType: user.scope_type, scopeId: user.scope_id, sections: user.sections } },
        { action: 'auth.login', entityType: 'session', entityId: session.id.slice(0, 16), changes: { userAgent: meta.userAgent } },
        now,
      );
      return session;
    });
    return { session, me: await toMe(user, session.csrfToken) };
  }

  async function logout(ctx: RequestContext, sessionId: string | null): Promise<void> {
    if (!sessionId || !ctx.actor) return;
    const now = clock();
    await db.transaction(async (tx) => {
      if (await revokeSession(tx, sessionId, 'logout', now)) {
        await writeAudit(tx, ctx, { action: 'auth.logout', entityType: 'session', entityId: sessionId.slice(0, 16) }, now);
      }
    });
  }

  async function toMe(user: UserRow, csrfToken: string): Promise<Me> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      scopeType: user.scope_type,
      scopeId: user.scope_id,
      scopeName: await findScopeName(db, user.scope_type, user.scope_id),
      sections: user.sections,
      mustChangePassword: user.must_change_password,
      csrfToken,
    };
  }

  return { login, logout };
}

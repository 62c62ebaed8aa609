/** Self-service for every signed-in user: changing one's password and seeing or ending one's own sessions. */
import type { SessionItem } from '@jinke/core/accounts/accounts.contract.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findUserById } from './accounts.repo.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import {
  findOwnSession,
  listLiveSessions,
  publicSessionId,
  revokeSession,
  revokeUserSessions,
} from './sessions.ts';
import { setPassword } from './users.repo.ts';

function actorOf(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function accountService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

  /**
   * Changes the signed-in user's password. The current one must be right, the new one must pass the policy
   * and differ from it. Other sessions end (whoever else held one no longer knows the password); this one stays.
   */
  async function changePassword(
    ctx: RequestContext,
    currentSessionId: string | null,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const actor = actorOf(ctx);
    const user = await findUserById(db, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
      throw new AppError('PASSWORD_WRONG', {
        details: {
          fields: [
            {
              field: 'currentPassword',
              message: 'currentPassword 不正确 / currentPassword is wrong',
              rule: 'password_wrong',
            },
          ],
        },
      });
    }
    assertPasswordPolicy(input.newPassword, user.username, 'newPassword');
    if (input.newPassword === input.currentPassword) {
      throw new AppError('PASSWORD_REUSED', {
        details: {
          fields: [
            {
              field: 'newPassword',
              message: 'newPassword 不能与当前密码相同 / newPassword must differ from the current one',
              rule: 'password_reused',
            },
          ],
        },
      });
    }
    const hash = await hashPassword(input.newPassword);
    const now = clock();
    await db.transaction(async (tx) => {
      await setPassword(tx, user.id, { hash, mustChange: false, changedAt: now }, now);
      const revokedSessions = await revokeUserSessions(
        tx,
        user.id,
        'password changed',
        now,
        currentSessionId ?? undefined,
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'account.password_changed',
          entityType: 'user',
          entityId: user.id,
          changes: { revokedSessions },
        },
        now,
      );
    });
  }

  async function listSessions(ctx: RequestContext, currentSessionId: string | null): Promise<SessionItem[]> {
    const actor = actorOf(ctx);
    const rows = await listLiveSessions(db, actor.userId, clock());
    return rows.map((s) => ({
      id: publicSessionId(s.id),
      createdAt: new Date(s.created_at).toISOString(),
      lastSeenAt: new Date(s.last_seen_at).toISOString(),
      expiresAt: new Date(s.expires_at).toISOString(),
      ip: s.ip,
      userAgent: s.user_agent,
      current: s.id === currentSessionId,
    }));
  }

  /** Ends one of the user's own sessions; another user's session is reported as not found. */
  async function revokeOwnSession(
    ctx: RequestContext,
    currentSessionId: string | null,
    publicId: string,
  ): Promise<{ wasCurrent: boolean }> {
    const actor = actorOf(ctx);
    const now = clock();
    return db.transaction(async (tx) => {
      const id = await findOwnSession(tx, actor.userId, publicId);
      if (!id || !(await revokeSession(tx, id, 'revoked by its user', now))) {
        throw notFound({ zh: '会话不存在或已结束', en: 'No such live session' });
      }
      await writeAudit(
        tx,
        ctx,
        { action: 'account.session_revoked', entityType: 'session', entityId: publicId },
        now,
      );
      return { wasCurrent: id === currentSessionId };
    });
  }

  return { changePassword, listSessions, revokeOwnSession };
}

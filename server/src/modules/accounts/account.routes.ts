/** Self-service routes: any signed-in user, acting on their own account only. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordRequest,
  okResponse,
  sessionIdParams,
  sessionList,
} from '@jinke/core/accounts/accounts.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import { accountService } from './account.service.ts';
import { SESSION_COOKIE } from './sessions.ts';

/**
 * Guesses at the current password through a stolen session are limited per account, not per address:
 * a bureau behind one NAT address must not share one budget.
 */
export const PASSWORD_CHANGE_RATE_LIMIT = {
  max: 10,
  timeWindow: '15 minutes',
  keyGenerator: (request: FastifyRequest) => request.actor?.userId ?? request.ip,
};

/** Runs before the body is validated, so an anonymous caller learns nothing about the input rules. */
async function signedIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

export function accountRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = accountService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/password',
    {
      onRequest: signedIn,
      config: { rateLimit: PASSWORD_CHANGE_RATE_LIMIT },
      schema: {
        tags: ['accounts'],
        summary: '修改密码 Change password',
        body: changePasswordRequest,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      requireActor(request);
      await service.changePassword(contextOf(request), request.authSession?.id ?? null, request.body);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/account/sessions',
    {
      onRequest: signedIn,
      schema: { tags: ['accounts'], summary: '我的登录会话 My sessions', response: { 200: sessionList } },
    },
    async (request) => {
      requireActor(request);
      return { items: await service.listSessions(contextOf(request), request.authSession?.id ?? null) };
    },
  );

  r.delete(
    '/api/account/sessions/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['accounts'],
        summary: '结束我的一个会话 End one of my sessions',
        params: sessionIdParams,
        response: { 200: okResponse },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const { wasCurrent } = await service.revokeOwnSession(
        contextOf(request),
        request.authSession?.id ?? null,
        request.params.id,
      );
      if (wasCurrent) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}

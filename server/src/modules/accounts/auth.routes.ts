import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginRequest, meResponse, okResponse } from '@jinke/core/accounts/accounts.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { authService } from './auth.service.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { sha256Hex } from '../../platform/crypto.ts';

/** Per-IP limit on sign-in attempts, on top of the per-account lockout. */
export const LOGIN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

export function authRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = authService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
  };

  r.post(
    '/api/auth/login',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: { tags: ['accounts'], summary: '登录 Sign in', body: loginRequest, response: { 200: meResponse } },
    },
    async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const { session, me } = await service.login(contextOf(request), request.body, {
        userAgent: request.headers['user-agent'] ?? null,
        previousSessionId: previous ? sha256Hex(previous) : null,
      });
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
      return me;
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], summary: '退出登录 Sign out', response: { 200: okResponse } } },
    async (request, reply) => {
      await service.logout(contextOf(request), request.authSession?.id ?? null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { tags: ['accounts'], summary: '当前用户 Current user', response: { 200: meResponse } } },
    async (request) => {
      // Everything /me shows was read with the session in the same query; no further database work.
      const actor = requireActor(request);
      const session = request.authSession;
      if (!session) throw new AppError('UNAUTHENTICATED');
      return {
        id: actor.userId,
        username: actor.username,
        displayName: session.displayName,
        role: actor.role,
        scopeType: actor.scopeType,
        scopeId: actor.scopeId,
        scopeName: session.scopeName,
        sections: actor.sections,
        mustChangePassword: session.mustChangePassword,
        csrfToken: session.csrfToken,
      };
    },
  );
}

/** Request helpers every route uses: the acting user, the request context and role checks. */
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import { pickLocale } from '@jinke/core/common/errors.ts';
import type { RequestContext } from './context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session behind `actor`, when signed in by cookie. */
    authSession: {
      id: string;
      csrfToken: string;
      displayName: string;
      scopeName: string | null;
      mustChangePassword: boolean;
    } | null;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: request.actor,
    requestId: request.id,
    ip: request.ip,
    locale: pickLocale(request.headers['accept-language']),
  };
}

/** The signed-in user, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** The signed-in user when their role is one of `allowed`; 401 when anonymous, 403 otherwise. */
export function requireRole(request: FastifyRequest, ...allowed: Role[]): Actor {
  const actor = requireActor(request);
  if (!allowed.includes(actor.role)) throw new AppError('FORBIDDEN');
  return actor;
}

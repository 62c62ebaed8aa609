/**
 * Resolves the session cookie into `request.actor` and defends cookie-authenticated writes against CSRF:
 * the Origin (or Referer) must be this host or a trusted origin, and the `X-CSRF-Token` header must equal the
 * session's token. A user who must change the initial password may only do that, read `/me` and sign out.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { safeEqual } from '../../platform/crypto.ts';
import { CSRF_HEADER, SESSION_COOKIE, resolveSession } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password']);

function originAllowed(request: FastifyRequest, trusted: string[]): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) return true; // Non-browser clients send neither; the token header still has to match.
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    return false;
  }
  if (origin.host === request.headers.host) return true;
  return trusted.includes(origin.origin);
}

export function installAuth(app: FastifyInstance, deps: { db: Database; config: Config; clock: () => Date }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authSession', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(deps.db, token, deps.clock());
    if (!session) return;
    const path = request.url.split('?')[0] ?? '';
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!originAllowed(request, deps.config.trustedOrigins) || typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
        throw new AppError('CSRF_REJECTED');
      }
    }
    const open = ALLOWED_BEFORE_PASSWORD_CHANGE.has(path) || path === '/api/health' || path.startsWith('/api/public/');
    if (session.mustChangePassword && !open) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    request.actor = session.actor;
    request.authSession = {
      id: session.id,
      csrfToken: session.csrfToken,
      displayName: session.displayName,
      scopeName: session.scopeName,
      mustChangePassword: session.mustChangePassword,
    };
  });
}

import type { JinkeModule } from '../../platform/module.ts';
import { accountsErrors } from './accounts.errors.ts';
import { authRoutes } from './auth.routes.ts';

export const accountsModule: JinkeModule = {
  name: 'accounts',
  errors: accountsErrors,
  routes(app, deps) {
    authRoutes(app, deps);
  },
};

export { createSession, resolveSession, SESSION_COOKIE, CSRF_HEADER } from './sessions.ts';
export { hashPassword } from './passwords.ts';

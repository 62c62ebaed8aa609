import type { JinkeModule } from '../../platform/module.ts';
import { accountsErrors } from './accounts.errors.ts';
import { accountRoutes } from './account.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { usersRoutes } from './users.routes.ts';

export const accountsModule: JinkeModule = {
  name: 'accounts',
  errors: accountsErrors,
  routes(app, deps) {
    authRoutes(app, deps);
    accountRoutes(app, deps);
    usersRoutes(app, deps);
  },
};

export { createSession, resolveSession, SESSION_COOKIE, CSRF_HEADER } from './sessions.ts';
export { hashPassword } from './passwords.ts';
/** For the command line: the same validation, service and audit as the API. */
export { addUser, resetUserPassword, unlockUser, ensureDemoUsers, DEMO_ACCOUNTS, type AddUserInput, type AccountsDeps } from './accounts.commands.ts';

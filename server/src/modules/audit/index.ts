/** The audit trail: reading, exporting and verifying the SM3 hash chain that `platform/audit.ts` writes. */
import type { JinkeModule } from '../../platform/module.ts';
import { auditErrors } from './audit.errors.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule: JinkeModule = {
  name: 'audit',
  errors: auditErrors,
  routes(app, deps) {
    auditRoutes(app, deps);
  },
};

export { auditService } from './audit.service.ts';

/** Every route of the enterprise part of the registry, registered with one call from the module's index. */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../platform/module.ts';
import { enterpriseRelationRoutes } from './enterprise-relations.routes.ts';
import { enterpriseYearRoutes } from './enterprise-years.routes.ts';
import { enterpriseRoutes } from './enterprises.routes.ts';
import { pendingChangeRoutes } from './pending-changes.routes.ts';
import { qualificationRoutes } from './qualifications.routes.ts';

export function enterpriseRegistryRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  enterpriseRoutes(app, deps);
  enterpriseYearRoutes(app, deps);
  qualificationRoutes(app, deps);
  enterpriseRelationRoutes(app, deps);
  pendingChangeRoutes(app, deps);
}

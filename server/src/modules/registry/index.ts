import type { JinkeModule } from '../../platform/module.ts';
import { divisionRoutes } from './divisions.routes.ts';
import { enterpriseRegistryRoutes } from './enterprise-registry.routes.ts';
import { enterprisesErrors } from './enterprises.errors.ts';
import { expertRoutes } from './experts.routes.ts';
import { exportRoutes } from './export.routes.ts';
import { importErrors } from './import.errors.ts';
import { importRoutes } from './import.routes.ts';
import { instituteRoutes } from './institutes.routes.ts';
import { partiesErrors } from './parties.errors.ts';
import { partyRoutes } from './parties.routes.ts';
import { patentRoutes } from './patents.routes.ts';

export const registryModule: JinkeModule = {
  name: 'registry',
  errors: { ...partiesErrors, ...enterprisesErrors, ...importErrors },
  routes(app, deps) {
    divisionRoutes(app, deps);
    enterpriseRegistryRoutes(app, deps);
    patentRoutes(app, deps);
    expertRoutes(app, deps);
    instituteRoutes(app, deps);
    partyRoutes(app, deps);
    importRoutes(app, deps);
    exportRoutes(app, deps);
  },
};

export { describeBadRows, importCommand } from './import.commands.ts';
export { exportCommand, exportFilterNames } from './export.commands.ts';

import type { JinkeModule } from '../../platform/module.ts';
import { divisionRoutes } from './divisions.routes.ts';

export const registryModule: JinkeModule = {
  name: 'registry',
  routes(app, deps) {
    divisionRoutes(app, deps);
  },
};

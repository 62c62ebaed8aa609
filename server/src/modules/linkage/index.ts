/** Leader–enterprise linkage (挂钩联系): links, visits (走访), problems (诉求/问题) tracked to closure, overdue (逾期). */
import type { JinkeModule } from '../../platform/module.ts';
import { linkageErrors } from './linkage.errors.ts';
import { linkageRoutes } from './linkage.routes.ts';

export const linkageModule: JinkeModule = {
  name: 'linkage',
  errors: linkageErrors,
  routes(app, deps) {
    linkageRoutes(app, deps);
  },
};

/** For the command line: the overdue list, read bureau-wide. */
export { linkageService } from './linkage.service.ts';
export { daysLate, writeOverdueWorkbook } from './linkage.export.ts';
export { seedLinkageDemo } from './linkage.seed.ts';

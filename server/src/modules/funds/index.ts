/** Programme funds (资金): policy standards, awards, instalments, clawbacks, acceptance and supervision. */
import type { JinkeModule } from '../../platform/module.ts';
import { fundsErrors } from './funds.errors.ts';
import { fundsRoutes } from './funds.routes.ts';

export const fundsModule: JinkeModule = {
  name: 'funds',
  errors: fundsErrors,
  routes: fundsRoutes,
};

/** For the command line and the demo seed. */
export { standardsService } from './standards.service.ts';
export { supervisionService } from './supervision.service.ts';
export { seedFundsDemo } from './funds.seed.ts';

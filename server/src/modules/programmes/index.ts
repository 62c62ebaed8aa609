/** Programme calls and applications (项目申报): calls that freeze a workflow definition, applications moved by it. */
import type { JinkeModule } from '../../platform/module.ts';
import { applicationRoutes } from './applications.routes.ts';
import { programmesErrors } from './programmes.errors.ts';
import { callRoutes } from './programmes.routes.ts';

export const programmesModule: JinkeModule = {
  name: 'programmes',
  errors: programmesErrors,
  routes(app, deps) {
    callRoutes(app, deps);
    applicationRoutes(app, deps);
  },
};

/** For the command line, the demo seed, and the modules that move applications (reviews, notices, funds). */
export { applicationsService } from './applications.service.ts';
export { registryFacts } from './applications.repo.ts';
export { initialForm, prefillOf } from './prefill.ts';
export { callsService } from './calls.service.ts';
export { demoCallTitle, seedProgrammesDemo } from './programmes.seed.ts';

/** Decisions and public notices (研究决定与公示): batch decisions, notices, objections and published results. */
import type { JinkeModule } from '../../platform/module.ts';
import { noticesErrors } from './notices.errors.ts';
import { noticeRoutes } from './notices.routes.ts';
import { publicNoticeRoutes } from './public.routes.ts';

export const noticesModule: JinkeModule = {
  name: 'notices',
  errors: noticesErrors,
  routes(app, deps) {
    noticeRoutes(app, deps);
    publicNoticeRoutes(app, deps);
  },
};

/** For the command line and the demo seed. */
export { noticesService } from './notices.service.ts';
export { resultsFileNames } from './public.routes.ts';
export { seedNoticesDemo } from './notices.seed.ts';

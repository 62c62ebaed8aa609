/** Expert draws (随机抽取专家 + 回避): frozen pools with a published hash, seeded draws, declines, public records. */
import type { JinkeModule } from '../../platform/module.ts';
import { drawsErrors } from './draws.errors.ts';
import { drawRoutes } from './draws.routes.ts';

export const drawsModule: JinkeModule = {
  name: 'draws',
  errors: drawsErrors,
  routes(app, deps) {
    drawRoutes(app, deps);
  },
};

export { assignDemoPanelKinds } from './demo-panel-kinds.ts';
/** For the command line: the stored record re-run as the public page does. */
export { drawsService } from './draws.service.ts';

/** High-tech cultivation (高企云服务): self-assessments, health-check reports, the R&D ledger, the pipeline, training. */
import type { JinkeModule } from '../../platform/module.ts';
import { assessmentsErrors } from './assessments.errors.ts';
import { assessmentRoutes } from './assessments.routes.ts';
import { ledgerErrors } from './ledger.errors.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { pipelineRoutes } from './pipeline.routes.ts';
import { trainingErrors } from './training.errors.ts';
import { trainingRoutes } from './training.routes.ts';

export const cultivationModule: JinkeModule = {
  name: 'cultivation',
  errors: { ...ledgerErrors, ...assessmentsErrors, ...trainingErrors },
  routes(app, deps) {
    assessmentRoutes(app, deps);
    pipelineRoutes(app, deps);
    ledgerRoutes(app, deps);
    trainingRoutes(app, deps);
  },
};

export { seedCultivationDemo } from './training.seed.ts';
export {
  assessmentReportCommand,
  describeLedgerBadRows,
  ledgerExportCommand,
  ledgerImportCommand,
  pipelineExportCommand,
} from './cultivation.commands.ts';

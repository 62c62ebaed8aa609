/** Indicators (指标看板): figures computed from the registry, targets with town splits, reported figures, drill-down. */
import type { JinkeModule } from '../../platform/module.ts';
import { loadCatalogue } from './catalogue.ts';
import { indicatorsErrors } from './indicators.errors.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { openDataRoutes } from './open-data.routes.ts';
import { townAssessmentRoutes } from './town-assessment.routes.ts';

export const indicatorsModule: JinkeModule = {
  name: 'indicators',
  errors: indicatorsErrors,
  routes(app, deps) {
    // A wrong catalogue stops the start, never a request.
    loadCatalogue();
    indicatorRoutes(app, deps);
    openDataRoutes(app, deps);
    townAssessmentRoutes(app, deps);
  },
};

export { seedIndicatorsDemo } from './indicators.seed.ts';
export { annualReportCommand, annualReportFileNames } from './annual-report.data.ts';
export { openDataService } from './open-data.service.ts';
export { seedTownAssessmentDemo } from './town-assessment.seed.ts';
export { townAssessmentCommand } from './town-assessment.export.ts';

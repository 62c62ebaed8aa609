/** Indicators (指标看板): figures computed from the registry, targets with town splits, reported figures, drill-down. */
import type { JinkeModule } from '../../platform/module.ts';
import { loadCatalogue } from './catalogue.ts';
import { indicatorsErrors } from './indicators.errors.ts';
import { indicatorRoutes } from './indicators.routes.ts';

export const indicatorsModule: JinkeModule = {
  name: 'indicators',
  errors: indicatorsErrors,
  routes(app, deps) {
    // A wrong catalogue stops the start, never a request.
    loadCatalogue();
    indicatorRoutes(app, deps);
  },
};

export { seedIndicatorsDemo } from './indicators.seed.ts';
export { annualReportCommand, annualReportFileNames } from './annual-report.data.ts';

/**
 * The route element of the public open-data page, outside the signed-in layout: the page (with ECharts) loads on
 * demand behind its own spinner.
 */
import { lazy, Suspense } from 'react';
import { PageSpin } from '../../ui/page-spin.tsx';

const OpenDataPage = lazy(() =>
  import('./pages/open-data-page.tsx').then((m) => ({ default: m.OpenDataPage })),
);

export function OpenDataRoute() {
  return (
    <Suspense fallback={<PageSpin fullScreen />}>
      <OpenDataPage />
    </Suspense>
  );
}

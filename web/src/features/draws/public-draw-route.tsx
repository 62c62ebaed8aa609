/**
 * The route element of the public verification page, outside the signed-in layout: the page (with the draw code
 * from core) loads on demand behind its own spinner.
 */
import { lazy, Suspense } from 'react';
import { PageSpin } from '../../ui/page-spin.tsx';

const PublicDrawPage = lazy(() =>
  import('./pages/public-draw-page.tsx').then((m) => ({ default: m.PublicDrawPage })),
);

export function PublicDrawRoute() {
  return (
    <Suspense fallback={<PageSpin fullScreen />}>
      <PublicDrawPage />
    </Suspense>
  );
}

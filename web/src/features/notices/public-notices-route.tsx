/**
 * The route elements of the public notice pages, outside the signed-in layout: each page loads on demand behind
 * its own spinner.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { PageSpin } from '../../ui/page-spin.tsx';

const PublicNoticesPage = lazy(() =>
  import('./pages/public-notices-page.tsx').then((m) => ({ default: m.PublicNoticesPage })),
);
const PublicNoticePage = lazy(() =>
  import('./pages/public-notice-page.tsx').then((m) => ({ default: m.PublicNoticePage })),
);
const PublicResultsPage = lazy(() =>
  import('./pages/public-results-page.tsx').then((m) => ({ default: m.PublicResultsPage })),
);

const spin = (page: ReactNode) => <Suspense fallback={<PageSpin fullScreen />}>{page}</Suspense>;

export const PublicNoticesRoute = () => spin(<PublicNoticesPage />);
export const PublicNoticeRoute = () => spin(<PublicNoticePage />);
export const PublicResultsRoute = () => spin(<PublicResultsPage />);

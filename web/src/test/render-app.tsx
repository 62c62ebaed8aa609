/** Renders the real routes and providers in memory, starting at `path`. */
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import type { Locale } from '@jinke/core/common/errors.ts';
import { AppProviders, createQueryClient } from '../app/providers.tsx';
import { routes } from '../app/router.tsx';

export function renderApp(path: string, { locale = 'zh-CN' }: { locale?: Locale } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProviders queryClient={queryClient} initialLocale={locale}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}

/** The current in-memory address, path plus query. */
export function currentPath(router: ReturnType<typeof createMemoryRouter>): string {
  return `${router.state.location.pathname}${router.state.location.search}`;
}

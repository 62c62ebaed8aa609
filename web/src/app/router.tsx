/**
 * The routes. Sign-in and the forced password change stand alone; everything else sits in the signed-in layout,
 * and pages limited to some roles are guarded by the same table that builds the menu.
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { ForcedPasswordChangePage } from '../features/accounts/pages/forced-password-change-page.tsx';
import { LoginPage } from '../features/accounts/pages/login-page.tsx';
import { MyAccountPage } from '../features/accounts/pages/my-account-page.tsx';
import { WorkbenchPage } from '../features/workbench/pages/workbench-page.tsx';
import { RequireAuth, RequireEntry } from './auth.tsx';
import { RouteError } from './error-boundary.tsx';
import { AppLayout } from './layout.tsx';
import { ForbiddenPage } from './pages/forbidden-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

// Administration pages load on demand: most users never open them.
const UsersPage = lazy(() => import('../features/accounts/pages/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })));

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/change-password',
        element: (
          <RequireAuth passwordChangePage>
            <ForcedPasswordChangePage />
          </RequireAuth>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <WorkbenchPage /> },
          { path: 'account', element: <MyAccountPage /> },
          {
            path: 'admin/users',
            element: (
              <RequireEntry entry="users">
                <UsersPage />
              </RequireEntry>
            ),
          },
          {
            path: 'admin/audit',
            element: (
              <RequireEntry entry="audit">
                <AuditPage />
              </RequireEntry>
            ),
          },
          { path: '403', element: <ForbiddenPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

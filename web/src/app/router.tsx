/**
 * The routes. Sign-in and the forced password change stand alone; everything else sits in the signed-in layout,
 * and pages limited to some roles are guarded by the same table that builds the menu.
 */
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { ForcedPasswordChangePage } from '../features/accounts/pages/forced-password-change-page.tsx';
import { LoginPage } from '../features/accounts/pages/login-page.tsx';
import { MyAccountPage } from '../features/accounts/pages/my-account-page.tsx';
import { PublicDrawRoute } from '../features/draws/public-draw-route.tsx';
import { OpenDataRoute } from '../features/indicators/open-data-route.tsx';
import { PublicNoticeRoute, PublicNoticesRoute, PublicResultsRoute } from '../features/notices/public-notices-route.tsx';
import { WorkbenchPage } from '../features/workbench/pages/workbench-page.tsx';
import { RequireAuth, RequireEntry } from './auth.tsx';
import { RouteError } from './error-boundary.tsx';
import { AppLayout } from './layout.tsx';
import type { MenuKey } from './menu.ts';
import { ForbiddenPage } from './pages/forbidden-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

// Administration pages load on demand: most users never open them.
const UsersPage = lazy(() => import('../features/accounts/pages/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
// Registry pages carry the industry and high-tech catalogues; they load when first opened.
const EnterprisesPage = lazy(() => import('../features/registry/pages/enterprises-page.tsx').then((m) => ({ default: m.EnterprisesPage })));
const EnterpriseDetailPage = lazy(() => import('../features/registry/pages/enterprise-detail-page.tsx').then((m) => ({ default: m.EnterpriseDetailPage })));
const MyEnterprisePage = lazy(() => import('../features/registry/pages/my-enterprise-page.tsx').then((m) => ({ default: m.MyEnterprisePage })));
const PatentsPage = lazy(() => import('../features/registry/pages/patents-page.tsx').then((m) => ({ default: m.PatentsPage })));
const PatentDetailPage = lazy(() => import('../features/registry/pages/patent-detail-page.tsx').then((m) => ({ default: m.PatentDetailPage })));
const ExpertsPage = lazy(() => import('../features/registry/pages/experts-page.tsx').then((m) => ({ default: m.ExpertsPage })));
const ExpertDetailPage = lazy(() => import('../features/registry/pages/expert-detail-page.tsx').then((m) => ({ default: m.ExpertDetailPage })));
const MyExpertPage = lazy(() => import('../features/registry/pages/my-expert-page.tsx').then((m) => ({ default: m.MyExpertPage })));
const InstitutesPage = lazy(() => import('../features/registry/pages/institutes-page.tsx').then((m) => ({ default: m.InstitutesPage })));
const InstituteDetailPage = lazy(() => import('../features/registry/pages/institute-detail-page.tsx').then((m) => ({ default: m.InstituteDetailPage })));
const PartiesPage = lazy(() => import('../features/registry/pages/parties-page.tsx').then((m) => ({ default: m.PartiesPage })));
const MyCarrierPage = lazy(() => import('../features/registry/pages/my-carrier-page.tsx').then((m) => ({ default: m.MyCarrierPage })));
// Cultivation pages carry the rule engine from core; they load when first opened.
const AssessmentPage = lazy(() => import('../features/cultivation/pages/assessment-page.tsx').then((m) => ({ default: m.AssessmentPage })));
const LedgerPage = lazy(() => import('../features/cultivation/pages/ledger-page.tsx').then((m) => ({ default: m.LedgerPage })));
const PipelinePage = lazy(() => import('../features/cultivation/pages/pipeline-page.tsx').then((m) => ({ default: m.PipelinePage })));
const TrainingPage = lazy(() => import('../features/cultivation/pages/training-page.tsx').then((m) => ({ default: m.TrainingPage })));
const IndicatorsPage = lazy(() => import('../features/indicators/pages/indicators-page.tsx').then((m) => ({ default: m.IndicatorsPage })));
const IndicatorRecordsPage = lazy(() => import('../features/indicators/pages/indicator-records-page.tsx').then((m) => ({ default: m.IndicatorRecordsPage })));
const TownAssessmentPage = lazy(() => import('../features/indicators/pages/town-assessment-page.tsx').then((m) => ({ default: m.TownAssessmentPage })));
const DrawsPage = lazy(() => import('../features/draws/pages/draws-page.tsx').then((m) => ({ default: m.DrawsPage })));
const DrawDetailPage = lazy(() => import('../features/draws/pages/draw-detail-page.tsx').then((m) => ({ default: m.DrawDetailPage })));
const ProgrammesPage = lazy(() => import('../features/programmes/pages/programmes-page.tsx').then((m) => ({ default: m.ProgrammesPage })));
const ApplicationPage = lazy(() => import('../features/programmes/pages/application-page.tsx').then((m) => ({ default: m.ApplicationPage })));
const SupervisionPage = lazy(() => import('../features/funds/pages/supervision-page.tsx').then((m) => ({ default: m.SupervisionPage })));
const ReviewTasksPage = lazy(() => import('../features/reviews/pages/review-tasks-page.tsx').then((m) => ({ default: m.ReviewTasksPage })));
const ReviewPage = lazy(() => import('../features/reviews/pages/review-page.tsx').then((m) => ({ default: m.ReviewPage })));
const CallReviewPage = lazy(() => import('../features/reviews/pages/call-review-page.tsx').then((m) => ({ default: m.CallReviewPage })));
const DecisionsPage = lazy(() => import('../features/notices/pages/decisions-page.tsx').then((m) => ({ default: m.DecisionsPage })));
const LinkagePage = lazy(() => import('../features/linkage/pages/linkage-page.tsx').then((m) => ({ default: m.LinkagePage })));
const MyBankPage = lazy(() => import('../features/registry/pages/my-bank-page.tsx').then((m) => ({ default: m.MyBankPage })));

/** A page limited to the roles whose menu has `entry`. */
const guarded = (entry: MenuKey, path: string, Page: ComponentType): RouteObject => ({
  path,
  element: (
    <RequireEntry entry={entry}>
      <Page />
    </RequireEntry>
  ),
});

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/public/draws/:id', element: <PublicDrawRoute /> },
      { path: '/public/indicators', element: <OpenDataRoute /> },
      { path: '/public/notices', element: <PublicNoticesRoute /> },
      { path: '/public/notices/:id', element: <PublicNoticeRoute /> },
      { path: '/public/programme-results', element: <PublicResultsRoute /> },
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
          guarded('enterprises', 'registry/enterprises', EnterprisesPage),
          guarded('enterprises', 'registry/enterprises/:id', EnterpriseDetailPage),
          guarded('patents', 'registry/patents', PatentsPage),
          guarded('patents', 'registry/patents/:id', PatentDetailPage),
          guarded('experts', 'registry/experts', ExpertsPage),
          guarded('experts', 'registry/experts/:id', ExpertDetailPage),
          guarded('institutes', 'registry/institutes', InstitutesPage),
          guarded('institutes', 'registry/institutes/:id', InstituteDetailPage),
          guarded('parties', 'registry/parties', PartiesPage),
          guarded('myEnterprise', 'my-enterprise', MyEnterprisePage),
          guarded('myExpert', 'my-expert', MyExpertPage),
          guarded('myCarrier', 'my-carrier', MyCarrierPage),
          guarded('myBank', 'my-bank', MyBankPage),
          guarded('hnteAssessment', 'cultivation/assessment', AssessmentPage),
          guarded('rdLedger', 'cultivation/ledger', LedgerPage),
          guarded('pipeline', 'cultivation/pipeline', PipelinePage),
          guarded('training', 'cultivation/training', TrainingPage),
          guarded('indicators', 'indicators', IndicatorsPage),
          guarded('townAssessment', 'indicators/town-assessment', TownAssessmentPage),
          guarded('indicators', 'indicators/:id', IndicatorRecordsPage),
          guarded('draws', 'draws', DrawsPage),
          guarded('draws', 'draws/:id', DrawDetailPage),
          guarded('programmes', 'programmes', ProgrammesPage),
          guarded('programmes', 'programmes/applications/:id', ApplicationPage),
          guarded('funds', 'funds/supervision', SupervisionPage),
          guarded('programmes', 'programmes/calls/:id/decisions', DecisionsPage),
          guarded('programmes', 'programmes/calls/:id/review', CallReviewPage),
          guarded('reviews', 'reviews', ReviewTasksPage),
          guarded('reviews', 'reviews/applications/:id', ReviewPage),
          guarded('linkage', 'linkage', LinkagePage),
          { path: '403', element: <ForbiddenPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

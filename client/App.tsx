import { Box, CircularProgress } from '@mui/material';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './features/auth/LoginPage';
import { SignInStepPage } from './features/auth/SignInStepPage';
import { useSession } from './features/auth/useSession';
import { AppShell } from './features/shell/AppShell';
import { lazyPage } from './lib/lazyPage';

// Each page's code loads when it is first opened (see lazyPage).
const AccountPage = lazyPage(() => import('./features/account/AccountPage'), 'AccountPage');
const AlertsPage = lazyPage(() => import('./features/alerts/AlertsPage'), 'AlertsPage');
const AppealDetailPage = lazyPage(() => import('./features/appeals/AppealDetailPage'), 'AppealDetailPage');
const AppealsPage = lazyPage(() => import('./features/appeals/AppealsPage'), 'AppealsPage');
const ApprovalsPage = lazyPage(() => import('./features/approvals/ApprovalsPage'), 'ApprovalsPage');
const AuditPage = lazyPage(() => import('./features/audit/AuditPage'), 'AuditPage');
const CasePage = lazyPage(() => import('./features/case/CasePage'), 'CasePage');
const DashboardPage = lazyPage(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const ReportIntakePage = lazyPage(() => import('./features/intake/ReportIntakePage'), 'ReportIntakePage');
const OutboxPage = lazyPage(() => import('./features/outbox/OutboxPage'), 'OutboxPage');
const WorklistPage = lazyPage(() => import('./features/worklist/WorklistPage'), 'WorklistPage');
const QaTasksPage = lazyPage(() => import('./features/qa/QaTasksPage'), 'QaTasksPage');
const QaTaskPage = lazyPage(() => import('./features/qa/QaTaskPage'), 'QaTaskPage');
const MyQaResultsPage = lazyPage(() => import('./features/qa/MyQaResultsPage'), 'MyQaResultsPage');
const AdjudicationsPage = lazyPage(() => import('./features/qa/AdjudicationsPage'), 'AdjudicationsPage');
const QueueAdminPage = lazyPage(() => import('./features/queueAdmin/QueueAdminPage'), 'QueueAdminPage');
const RulebookPage = lazyPage(() => import('./features/rulebook/RulebookPage'), 'RulebookPage');
const DraftsPage = lazyPage(() => import('./features/rulebook/authoring/DraftsPage'), 'DraftsPage');
const DraftEditorPage = lazyPage(() => import('./features/rulebook/authoring/DraftEditorPage'), 'DraftEditorPage');
const StaffPage = lazyPage(() => import('./features/admin/StaffPage'), 'StaffPage');
const SubjectPage = lazyPage(() => import('./features/subject/SubjectPage'), 'SubjectPage');
const GoldPage = lazyPage(() => import('./features/qaGold/GoldPage'), 'GoldPage');
const CalibrationPage = lazyPage(() => import('./features/qaGold/CalibrationPage'), 'CalibrationPage');
const CalibrationSessionPage = lazyPage(
  () => import('./features/qaGold/CalibrationSessionPage'),
  'CalibrationSessionPage',
);
const ReportersPage = lazyPage(() => import('./features/messages/ReportersPage'), 'ReportersPage');
const TagsPage = lazyPage(() => import('./features/tags/TagsPage'), 'TagsPage');
const TokensPage = lazyPage(() => import('./features/tokens/TokensPage'), 'TokensPage');

/** The desk's pages by path (each page's code loads when it is first opened, see lazyPage). */
const PAGES: { path: string; page: ComponentType }[] = [
  { path: '/queue', page: WorklistPage },
  { path: '/dashboard', page: DashboardPage },
  { path: '/alerts', page: AlertsPage },
  { path: '/queues', page: QueueAdminPage },
  { path: '/cases/:id', page: CasePage },
  { path: '/subjects/:id', page: SubjectPage },
  { path: '/reports/new', page: ReportIntakePage },
  { path: '/appeals', page: AppealsPage },
  { path: '/appeals/:id', page: AppealDetailPage },
  { path: '/approvals', page: ApprovalsPage },
  { path: '/qa', page: QaTasksPage },
  { path: '/qa/tasks/:id', page: QaTaskPage },
  { path: '/qa/mine', page: MyQaResultsPage },
  { path: '/qa/adjudications', page: AdjudicationsPage },
  { path: '/rulebook', page: RulebookPage },
  { path: '/rulebook/drafts', page: DraftsPage },
  { path: '/rulebook/drafts/:id', page: DraftEditorPage },
  { path: '/admin/staff', page: StaffPage },
  { path: '/admin/tokens', page: TokensPage },
  { path: '/tags', page: TagsPage },
  { path: '/qa/gold', page: GoldPage },
  { path: '/qa/calibration', page: CalibrationPage },
  { path: '/qa/calibration/:id', page: CalibrationSessionPage },
  { path: '/reporters', page: ReportersPage },
  { path: '/audit', page: AuditPage },
  { path: '/outbox', page: OutboxPage },
  { path: '/account', page: AccountPage },
];

export function App() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  if (loading) {
    return (
      <Box
        sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}
        role="status"
        aria-label={t('common.loading')}
      >
        <CircularProgress aria-label={t('common.loading')} />
      </Box>
    );
  }
  if (!user) return <LoginPage />;
  if (user.gate) return <SignInStepPage gate={user.gate} />;
  return (
    <Routes>
      <Route element={<AppShell />}>
        {PAGES.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to="/queue" replace />} />
      </Route>
    </Routes>
  );
}

import { Box, CircularProgress } from '@mui/material';
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
const OutboxPage = lazyPage(() => import('./features/outbox/OutboxPage'), 'OutboxPage');
const WorklistPage = lazyPage(() => import('./features/worklist/WorklistPage'), 'WorklistPage');
const QueueAdminPage = lazyPage(() => import('./features/queueAdmin/QueueAdminPage'), 'QueueAdminPage');
const RulebookPage = lazyPage(() => import('./features/rulebook/RulebookPage'), 'RulebookPage');
const StaffPage = lazyPage(() => import('./features/admin/StaffPage'), 'StaffPage');
const TagsPage = lazyPage(() => import('./features/tags/TagsPage'), 'TagsPage');
const TokensPage = lazyPage(() => import('./features/tokens/TokensPage'), 'TokensPage');

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
        <Route path="/queue" element={<WorklistPage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/alerts" element={<AlertsPage />} />
        <Route path="/queues" element={<QueueAdminPage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/appeals" element={<AppealsPage />} />
        <Route path="/appeals/:id" element={<AppealDetailPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/rulebook" element={<RulebookPage />} />
        <Route path="/admin/staff" element={<StaffPage />} />
        <Route path="/admin/tokens" element={<TokensPage />} />
        <Route path="/tags" element={<TagsPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="*" element={<Navigate to="/queue" replace />} />
      </Route>
    </Routes>
  );
}

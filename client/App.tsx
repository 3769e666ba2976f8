import { Box, CircularProgress } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { StaffPage } from './features/admin/StaffPage';
import { AlertsPage } from './features/alerts/AlertsPage';
import { AppealDetailPage } from './features/appeals/AppealDetailPage';
import { AppealsPage } from './features/appeals/AppealsPage';
import { ApprovalsPage } from './features/approvals/ApprovalsPage';
import { AuditPage } from './features/audit/AuditPage';
import { LoginPage } from './features/auth/LoginPage';
import { useSession } from './features/auth/useSession';
import { CasePage } from './features/case/CasePage';
import { LazyDashboardPage } from './features/dashboard/LazyDashboardPage';
import { OutboxPage } from './features/outbox/OutboxPage';
import { QueuePage } from './features/queue/QueuePage';
import { QueuesPage } from './features/queues/QueuesPage';
import { RulebookPage } from './features/rulebook/RulebookPage';
import { AppShell } from './features/shell/AppShell';

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
        <CircularProgress />
      </Box>
    );
  }
  if (!user) return <LoginPage />;
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route path="/queue" element={<QueuePage />} />
        <Route path="/dashboard" element={<LazyDashboardPage />} />
        <Route path="/alerts" element={<AlertsPage />} />
        <Route path="/queues" element={<QueuesPage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/appeals" element={<AppealsPage />} />
        <Route path="/appeals/:id" element={<AppealDetailPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/rulebook" element={<RulebookPage />} />
        <Route path="/admin/staff" element={<StaffPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="*" element={<Navigate to="/queue" replace />} />
      </Route>
    </Routes>
  );
}

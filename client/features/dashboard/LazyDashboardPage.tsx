import { Box, CircularProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The charts library is large and only this page uses it: it loads when the page is opened.
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

export function LazyDashboardPage() {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Box sx={{ display: 'grid', placeItems: 'center', p: 6 }} role="status" aria-label={t('common.loading')}>
          <CircularProgress />
        </Box>
      }
    >
      <DashboardPage />
    </Suspense>
  );
}

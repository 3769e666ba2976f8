import { Alert, Box, Button, Snackbar, Stack, Tab, Tabs, Typography } from '@mui/material';
import type { GridRowSelectionModel } from '@mui/x-data-grid';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AlertStatus } from '../../../shared/alerts/enums';
import type { AlertView } from '../../../shared/api/alerts';
import { can } from '../../../shared/auth/roles';
import { DeskDataGrid } from '../../lib/DeskDataGrid';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { AccountActionDialog } from './AccountActionDialog';
import { NoRiskDialog } from './NoRiskDialog';
import { useAlertColumns } from './useAlertColumns';

const PAGE_SIZE = 25;
const NO_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };

/** Account-security risk alerts (docs/MARKETPLACE.md §7): the pending and handled lists, and their handling. */
export function AlertsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const subjectId = params.get('subject') || undefined;
  const [status, setStatus] = useState<AlertStatus>('pending');
  const [page, setPage] = useState(0);
  const [selection, setSelection] = useState<GridRowSelectionModel>(NO_SELECTION);
  const [noRisk, setNoRisk] = useState<number[] | null>(null);
  const [acting, setActing] = useState<AlertView | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const canHandle = Boolean(user && can(user.role, 'alerts.handle'));

  const list = useQuery({
    ...trpc.alerts.list.queryOptions({ status, subjectId, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const counts = useQuery(trpc.alerts.counts.queryOptions({ subjectId }));
  const errorText = useTranslatedError(list.error);
  const rows = list.data?.items ?? [];
  const selectedIds = rows
    .filter((r) => (selection.type === 'include' ? selection.ids.has(r.id) : !selection.ids.has(r.id)))
    .map((r) => r.id);

  const actions = useMemo(
    () =>
      canHandle
        ? { onNoRisk: (a: AlertView) => setNoRisk([a.id]), onAccountAction: (a: AlertView) => setActing(a) }
        : null,
    [canHandle],
  );
  const columns = useAlertColumns(status, actions);

  const handled = (count: number) => {
    setNoRisk(null);
    setActing(null);
    setSelection(NO_SELECTION);
    setDone(count);
    void queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('alerts.title')}
        </Typography>
        {status === 'pending' && canHandle && (
          <Button variant="contained" disabled={!selectedIds.length} onClick={() => setNoRisk(selectedIds)}>
            {t('alerts.bulkNoRisk', { count: selectedIds.length })}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('alerts.intro')}
      </Typography>
      {subjectId && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={() => setParams({})}>
              {t('alerts.clearFilter')}
            </Button>
          }
        >
          {t('alerts.filteredBy', { subject: subjectId })}
        </Alert>
      )}
      <Tabs
        value={status}
        onChange={(_e, next: AlertStatus) => {
          setStatus(next);
          setPage(0);
          setSelection(NO_SELECTION);
        }}
        aria-label={t('alerts.title')}
      >
        <Tab value="pending" label={t('alerts.tabs.pending', { count: counts.data?.pending ?? 0 })} />
        <Tab value="handled" label={t('alerts.tabs.handled', { count: counts.data?.handled ?? 0 })} />
      </Tabs>
      {errorText && <Alert severity="error">{errorText}</Alert>}
      <Box sx={{ height: 'calc(100vh - 300px)', minHeight: 420 }}>
        <DeskDataGrid
          rows={rows}
          columns={columns}
          loading={list.isFetching && !list.data}
          getRowHeight={() => 'auto'}
          paginationMode="server"
          rowCount={list.data?.total ?? 0}
          paginationModel={{ page, pageSize: PAGE_SIZE }}
          onPaginationModelChange={(m) => setPage(m.page)}
          pageSizeOptions={[PAGE_SIZE]}
          disableColumnFilter
          disableColumnSorting
          disableRowSelectionOnClick
          checkboxSelection={status === 'pending' && canHandle}
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          density="compact"
          noRowsLabel={t('alerts.empty')}
          aria-label={status === 'pending' ? t('alerts.pendingList') : t('alerts.handledList')}
        />
      </Box>
      {noRisk && <NoRiskDialog ids={noRisk} onDone={handled} onClose={() => setNoRisk(null)} />}
      {acting && <AccountActionDialog alert={acting} onDone={handled} onClose={() => setActing(null)} />}
      <Snackbar
        open={done !== null}
        autoHideDuration={4000}
        onClose={() => setDone(null)}
        message={t('alerts.done', { count: done ?? 0 })}
        slotProps={{ content: { 'data-testid': 'alerts-done' } as object }}
      />
    </Stack>
  );
}

import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditListInput } from '../../../shared/api/audit';
import { can } from '../../../shared/auth/roles';
import { DeskDataGrid } from '../../lib/DeskDataGrid';
import { formatPlatformTime, platformLocalToIso } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useKeysetPages } from '../../lib/useKeysetPages';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { SubjectLink } from '../subject/SubjectLink';
import { ActionLabel } from './ActionLabel';
import { type AuditFilterState, AuditFilters, NO_FILTERS } from './AuditFilters';
import type { AuditRow } from './auditTypes';
import { EventDetail } from './EventDetail';
import { ExportButton } from './ExportButton';
import { useAuditLabels } from './useAuditLabels';
import { VerifyBadge } from './VerifyBadge';

const PAGE_SIZE = 50;

function toQuery(filters: AuditFilterState): Omit<AuditListInput, 'cursor' | 'limit'> {
  const text = (v: string) => v.trim() || undefined;
  return {
    actor: text(filters.actor),
    action: text(filters.action),
    targetType: text(filters.targetType),
    targetId: text(filters.targetId),
    batchId: text(filters.batchId),
    from: platformInputToUtc(filters.from),
    to: platformInputToUtc(filters.to),
  };
}

/** A `datetime-local` filter typed in platform time, as the UTC instant the server compares. */
function platformInputToUtc(value: string): string | undefined {
  const iso = platformLocalToIso(value);
  return iso && new Date(iso).toISOString();
}

/** The audit trail: filtered on the server, newest first, keyset-paged, with chain verification. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const [filters, setFilters] = useState<AuditFilterState>(NO_FILTERS);
  const [selected, setSelected] = useState<AuditRow | null>(null);
  const query = toQuery(useDebouncedValue(filters, 300));
  const pages = useKeysetPages(PAGE_SIZE);
  const { rememberNext, page, reset } = pages;

  const facets = useQuery(trpc.audit.facets.queryOptions(undefined, { staleTime: 60_000 }));
  const list = useQuery({
    ...trpc.audit.list.queryOptions({ ...query, limit: PAGE_SIZE, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const errorText = useTranslatedError(list.error);

  const queryKey = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter set restarts paging at the newest event
  useEffect(() => reset(), [queryKey, reset]);
  useEffect(() => {
    if (list.data && !list.isPlaceholderData) rememberNext(page, list.data.nextCursor);
  }, [list.data, list.isPlaceholderData, page, rememberNext]);

  const labels = useAuditLabels();

  // biome-ignore lint/correctness/useExhaustiveDependencies: labels only read t and the language
  const columns = useMemo<GridColDef<AuditRow>[]>(
    () => [
      { field: 'seq', headerName: t('audit.columns.seq'), width: 90, type: 'number', sortable: false },
      {
        field: 'at',
        headerName: t('audit.columns.at'),
        width: 180,
        sortable: false,
        valueFormatter: (v: string) => formatPlatformTime(v, i18n.language),
      },
      {
        field: 'actor',
        headerName: t('audit.columns.actor'),
        width: 160,
        sortable: false,
        valueGetter: (_v, row) => labels.actor(row),
      },
      {
        field: 'action',
        headerName: t('audit.columns.action'),
        flex: 1,
        minWidth: 170,
        sortable: false,
        renderCell: ({ value }) => <ActionLabel action={value} />,
      },
      {
        field: 'target',
        headerName: t('audit.columns.target'),
        width: 170,
        sortable: false,
        valueGetter: (_v, row) => labels.target(row.target),
        renderCell: ({ row, value }) =>
          row.target?.type === 'subject' && row.target.id ? (
            <SubjectLink id={row.target.id}>{value}</SubjectLink>
          ) : (
            value
          ),
      },
      { field: 'batchId', headerName: t('audit.columns.batch'), width: 140, sortable: false },
      { field: 'ip', headerName: t('audit.columns.ip'), width: 130, sortable: false },
    ],
    [t, i18n.language],
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('audit.title')}
        </Typography>
        <VerifyBadge />
        {list.data && (
          <Typography variant="body2" color="text.secondary" data-testid="audit-total">
            {t('audit.total', { count: list.data.total })}
          </Typography>
        )}
        {user && can(user.role, 'audit.export') && <ExportButton from={query.from} to={query.to} />}
      </Stack>
      <AuditFilters value={filters} facets={facets.data} onChange={setFilters} />
      {errorText && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void list.refetch()}>
              {t('audit.retry')}
            </Button>
          }
        >
          {t('audit.loadFailed')}: {errorText}
        </Alert>
      )}
      <Box sx={{ height: 'calc(100vh - 210px)', minHeight: 400 }}>
        <DeskDataGrid
          rows={list.data?.items ?? []}
          columns={columns}
          getRowId={(row) => row.seq}
          loading={list.isFetching}
          paginationMode="server"
          rowCount={list.data?.total ?? 0}
          paginationModel={{ page: pages.page, pageSize: PAGE_SIZE }}
          onPaginationModelChange={(m) => pages.setPage(m.page)}
          pageSizeOptions={[PAGE_SIZE]}
          onRowClick={({ row }) => setSelected(row)}
          disableColumnFilter
          disableRowSelectionOnClick
          density="compact"
          noRowsLabel={t('audit.empty')}
          aria-label={t('audit.title')}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Box>
      <EventDetail event={selected} onClose={() => setSelected(null)} />
    </Stack>
  );
}

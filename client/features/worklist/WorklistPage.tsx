import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { GRID_CHECKBOX_SELECTION_FIELD, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseListItem } from '../../../shared/api/caseList';
import { can } from '../../../shared/auth/roles';
import { DeskDataGrid } from '../../lib/DeskDataGrid';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useTRPC } from '../../lib/trpc';
import { useKeysetPages } from '../../lib/useKeysetPages';
import { useNow } from '../../lib/useNow';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { SubjectLink } from '../subject/SubjectLink';
import { BulkDecideButton } from './bulk/BulkDecideButton';
import { bulkSelectable, NO_SELECTION, selectedRows } from './bulk/bulkSelection';
import { NextCaseButton } from './NextCaseButton';
import { SlaCell } from './SlaCell';
import { useLiveCaseChanges } from './useLiveCaseChanges';
import { DEFAULT_FILTERS, type QueueFilterState, WorklistFilters } from './WorklistFilters';

const PAGE_SIZE = 50;

function toListInput(f: QueueFilterState) {
  return {
    status: f.status,
    queue: f.queue || undefined,
    rule: f.rule || undefined,
    source: (f.source || undefined) as CaseListItem['source'] | undefined,
    subjectKind: (f.subjectKind || undefined) as CaseListItem['subject']['kind'] | undefined,
    assignee: f.assignee || undefined,
    sort: f.sort,
  };
}

export function WorklistPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { user } = useSession();
  const [filters, setFilters] = useState<QueueFilterState>(DEFAULT_FILTERS);
  const pages = useKeysetPages(PAGE_SIZE);
  const now = useNow(30_000);
  useLiveCaseChanges();
  const query = useQuery({
    ...trpc.cases.list.queryOptions({ ...toListInput(filters), limit: PAGE_SIZE, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const errorText = useTranslatedError(query.error);
  const { rememberNext, page } = pages;
  // Bulk decisions: staff who may decide tick open cases on this page.
  const canDecide = Boolean(user && can(user.role, 'cases.decide'));
  const [selection, setSelection] = useState<GridRowSelectionModel>(NO_SELECTION);
  const selectable = (row: CaseListItem) => Boolean(user && bulkSelectable(row, user));
  const selected = selectedRows(selection, query.data?.items ?? [], selectable);

  useEffect(() => {
    if (query.data && !query.isPlaceholderData) rememberNext(page, query.data.nextCursor);
  }, [query.data, query.isPlaceholderData, page, rememberNext]);

  const columns = useMemo<GridColDef<CaseListItem>[]>(
    () => [
      { field: 'id', headerName: t('queue.columns.id'), width: 80 },
      {
        field: 'subject',
        headerName: t('queue.columns.subject'),
        flex: 1,
        minWidth: 180,
        valueGetter: (_v, row) => row.subject.name ?? row.subject.id,
        renderCell: ({ row }) => (
          <span>
            <SubjectLink id={row.subject.id} name={row.subject.name} />{' '}
            <Typography component="span" variant="caption" color="text.secondary">
              {t(`subjectKind.${row.subject.kind}`)} · {row.subject.id}
            </Typography>
          </span>
        ),
      },
      {
        field: 'rule',
        headerName: t('queue.columns.rule'),
        width: 170,
        valueFormatter: (v: string) => t(`rule.${v}`, { defaultValue: v }),
      },
      {
        field: 'summary',
        headerName: t('queue.columns.summary'),
        flex: 2,
        minWidth: 220,
        renderCell: ({ row }) => (
          <span>
            {row.reportCount > 1 && (
              <Chip size="small" label={t('queue.reports', { count: row.reportCount })} sx={{ mr: 1 }} />
            )}
            {row.summary}
          </span>
        ),
      },
      {
        field: 'status',
        headerName: t('queue.columns.status'),
        width: 100,
        renderCell: ({ value }) => <Chip size="small" label={t(`status.${value}` as 'status.new')} />,
      },
      {
        field: 'source',
        headerName: t('queue.columns.source'),
        width: 100,
        valueFormatter: (v: string) => t(`source.${v}` as 'source.user_report'),
      },
      {
        field: 'score',
        headerName: t('queue.columns.priority'),
        width: 80,
        type: 'number',
        renderCell: ({ value }) => (
          <Tooltip title={t('queue.scoreHint')}>
            <span>{value}</span>
          </Tooltip>
        ),
      },
      {
        field: 'slaDueAt',
        headerName: t('queue.columns.slaDueAt'),
        width: 150,
        renderCell: ({ row }) => <SlaCell dueAt={row.slaDueAt} state={row.slaState} now={now} />,
      },
      { field: 'assigneeName', headerName: t('queue.columns.assignee'), width: 120 },
    ],
    [t, now],
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('queue.title')}
        </Typography>
        {query.data && (
          <Typography variant="body2" color="text.secondary" data-testid="queue-total">
            {query.data.totalCapped
              ? t('queue.totalCapped', { count: query.data.total })
              : t('queue.total', { count: query.data.total })}
          </Typography>
        )}
        {canDecide && <BulkDecideButton rows={selected} onDecided={() => setSelection(NO_SELECTION)} />}
        {user && can(user.role, 'cases.claim') && <NextCaseButton queue={filters.queue} />}
      </Stack>
      <WorklistFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          pages.reset();
        }}
      />
      {errorText && (
        <LoadErrorAlert onRetry={() => void query.refetch()}>
          {t('queue.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      <Box sx={{ height: 'calc(100vh - 210px)', minHeight: 400 }}>
        <DeskDataGrid
          rows={query.data?.items ?? []}
          columns={columns}
          loading={query.isFetching && !query.data}
          paginationMode="server"
          sortingMode="server"
          disableColumnSorting
          // Past the count cap the grid pages on by cursor without a last page.
          rowCount={query.data?.totalCapped ? -1 : (query.data?.total ?? 0)}
          paginationMeta={{ hasNextPage: Boolean(query.data?.nextCursor) }}
          paginationModel={{ page: pages.page, pageSize: PAGE_SIZE }}
          onPaginationModelChange={(m) => pages.setPage(m.page)}
          pageSizeOptions={[PAGE_SIZE]}
          disableColumnFilter
          disableRowSelectionOnClick
          checkboxSelection={canDecide}
          isRowSelectable={({ row }) => selectable(row)}
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          onRowClick={({ row }, event) => {
            // Ticking a case for a bulk decision must not open it.
            if ((event.target as HTMLElement).closest(`[data-field="${GRID_CHECKBOX_SELECTION_FIELD}"]`)) return;
            navigate(`/cases/${row.id}`);
          }}
          density="compact"
          // Long English names ("Listing without admission", "Improper registration") wrap instead of being cut off.
          getRowHeight={() => 'auto'}
          sx={{
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .MuiDataGrid-cell': { whiteSpace: 'normal', wordBreak: 'break-word', lineHeight: 1.4, py: 0.75 },
            '& .MuiDataGrid-columnHeaderTitle': { whiteSpace: 'normal', lineHeight: 1.2 },
          }}
          noRowsLabel={t('queue.empty')}
          aria-label={t('queue.title')}
        />
      </Box>
    </Stack>
  );
}

import Flag from '@mui/icons-material/Flag';
import { alpha, Box, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrdersData } from '../../../../shared/api/evidenceData';
import { DeskDataGrid } from '../../../lib/DeskDataGrid';
import { formatEvidenceTime, formatMoney } from './evidenceFormat';

interface OrderRow {
  id: string;
  orderId: string;
  amount: number;
  buyer: string;
  time: string;
  status: string;
  named: boolean;
}

/** The orders the report rests on: sortable by any column, with the orders the report names highlighted. */
export function OrdersTable({ data }: { data: OrdersData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const named = useMemo(() => new Set(data.highlight ?? []), [data.highlight]);
  const rows: OrderRow[] = data.rows.map((r, i) => ({
    // Order ids should be unique; the index keeps the grid stable if a source repeats one.
    id: `${i}:${r.orderId}`,
    orderId: r.orderId,
    amount: r.amount,
    buyer: r.buyer ?? '',
    time: r.time ?? '',
    status: r.status ?? '',
    named: named.has(r.orderId),
  }));
  const namedRows = rows.filter((r) => r.named);
  const namedTotal = namedRows.reduce((sum, r) => sum + r.amount, 0);
  const columns: GridColDef<OrderRow>[] = [
    {
      field: 'named',
      headerName: t('evidence.orders.named'),
      type: 'boolean',
      width: 96,
      renderCell: ({ value }) =>
        value ? <Flag color="warning" fontSize="small" titleAccess={t('evidence.orders.named')} /> : null,
    },
    { field: 'orderId', headerName: t('evidence.orders.orderId'), flex: 1, minWidth: 140 },
    { field: 'buyer', headerName: t('evidence.orders.buyer'), flex: 1, minWidth: 120 },
    {
      field: 'amount',
      headerName: t('evidence.orders.amount'),
      type: 'number',
      width: 120,
      valueFormatter: (value: number) => formatMoney(value, data.currency, locale),
    },
    {
      field: 'time',
      headerName: t('evidence.orders.time'),
      width: 190,
      valueFormatter: (value: string) => (value ? formatEvidenceTime(value, locale) : ''),
    },
    { field: 'status', headerName: t('evidence.orders.status'), width: 110 },
  ];
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        {t('evidence.orders.rows', { count: rows.length })}
        {namedRows.length > 0 &&
          ` · ${t('evidence.orders.highlighted', {
            count: namedRows.length,
            total: formatMoney(namedTotal, data.currency, locale),
          })}`}
      </Typography>
      <Box sx={{ height: Math.min(520, 110 + rows.length * 36) }}>
        <DeskDataGrid
          rows={rows}
          columns={columns}
          density="compact"
          disableRowSelectionOnClick
          disableColumnFilter
          initialState={{ pagination: { paginationModel: { pageSize: 50 } } }}
          pageSizeOptions={[25, 50, 100]}
          getRowClassName={({ row }) => (row.named ? 'evidence-order-named' : '')}
          sx={(theme) => ({
            '& .evidence-order-named': {
              bgcolor: alpha(theme.palette.warning.main, 0.18),
              '&:hover': { bgcolor: alpha(theme.palette.warning.main, 0.28) },
            },
          })}
          aria-label={t('evidence.orders.label')}
        />
      </Box>
    </Stack>
  );
}

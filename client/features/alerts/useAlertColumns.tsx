import { Box, Button, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '../../../shared/alerts/enums';
import type { AlertView } from '../../../shared/api/alerts';
import { formatPlatformTime } from '../../lib/platformTime';
import { SubjectLink } from '../subject/SubjectLink';
import { AlertLevelChip } from './AlertLevelChip';
import { AlertPhone } from './AlertPhone';

/**
 * The columns of Kuaishou's data-security alert lists (快手《数据安全管理》): account phone, nickname, level, time, type, details and
 * suggested handling; the handled list adds how, by whom and when.
 */
export function useAlertColumns(
  status: AlertStatus,
  actions: { onNoRisk(alert: AlertView): void; onAccountAction(alert: AlertView): void } | null,
): GridColDef<AlertView>[] {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const time = (iso: string) => formatPlatformTime(iso, i18n.language);
    const wrap = { whiteSpace: 'normal', lineHeight: 1.4, py: 1 } as const;
    const columns: GridColDef<AlertView>[] = [
      { field: 'detectedAt', headerName: t('alerts.columns.detectedAt'), width: 150, valueFormatter: time },
      {
        field: 'subjectId',
        headerName: t('alerts.columns.shop'),
        width: 150,
        renderCell: ({ row }) => (
          <Box sx={wrap}>
            <SubjectLink id={row.subjectId} name={row.shopName} />
            <Typography variant="caption" color="text.secondary" component="div">
              {row.subjectId}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'nickname',
        headerName: t('alerts.columns.account'),
        width: 160,
        renderCell: ({ row }) => (
          <Box sx={wrap}>
            {row.nickname}
            <Typography variant="caption" color="text.secondary" component="div">
              {t(`alerts.accountKind.${row.accountKind}`)} · {row.accountId}
            </Typography>
            <Typography variant="caption" component="div">
              <AlertPhone alertId={row.id} masked={row.phoneMasked} />
            </Typography>
          </Box>
        ),
      },
      {
        field: 'level',
        headerName: t('alerts.columns.level'),
        width: 80,
        renderCell: ({ row }) => <AlertLevelChip level={row.level} />,
      },
      {
        field: 'type',
        headerName: t('alerts.columns.type'),
        width: 100,
        valueFormatter: (v: AlertView['type']) => t(`alerts.type.${v}`),
      },
      {
        field: 'details',
        headerName: t('alerts.columns.details'),
        flex: 1,
        minWidth: 160,
        renderCell: ({ value }) => <Box sx={wrap}>{value}</Box>,
      },
      {
        field: 'suggestion',
        headerName: t('alerts.columns.suggestion'),
        flex: 1,
        minWidth: 160,
        renderCell: ({ value }) => <Box sx={wrap}>{value}</Box>,
      },
    ];
    if (status === 'handled') {
      columns.push(
        {
          field: 'resolution',
          headerName: t('alerts.columns.resolution'),
          width: 140,
          renderCell: ({ row }) => (
            <Box sx={wrap}>
              {row.resolution && t(`alerts.resolution.${row.resolution}`)}
              {row.note && (
                <Typography variant="caption" color="text.secondary" component="div">
                  {row.note}
                </Typography>
              )}
            </Box>
          ),
        },
        {
          field: 'handledAt',
          headerName: t('alerts.columns.handledAt'),
          width: 170,
          renderCell: ({ row }) => (
            <Box sx={wrap}>
              {row.handledAt && time(row.handledAt)}
              <Typography variant="caption" color="text.secondary" component="div">
                {row.handledBy?.name}
              </Typography>
            </Box>
          ),
        },
      );
    }
    if (status === 'pending' && actions) {
      columns.push({
        field: 'actions',
        headerName: t('alerts.columns.actions'),
        width: 120,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack spacing={0.5} sx={{ py: 1 }}>
            <Button size="small" variant="outlined" onClick={() => actions.onNoRisk(row)}>
              {t('alerts.noRisk')}
            </Button>
            <Button size="small" color="warning" onClick={() => actions.onAccountAction(row)}>
              {t('alerts.actOnAccount')}
            </Button>
          </Stack>
        ),
      });
    }
    return columns;
  }, [t, i18n.language, status, actions]);
}

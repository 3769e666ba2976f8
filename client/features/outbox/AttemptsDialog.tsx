import { Alert, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeliveryView } from '../../../shared/api/outbox';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { ViewDialog } from '../../lib/ViewDialog';
import { deliveryErrorLabel } from './deliveryErrorLabel';

/** Every HTTP attempt of one delivery: kept with the outbox, not in the audit trail. */
export function AttemptsDialog(props: { delivery: DeliveryView; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const attempts = useQuery(trpc.outbox.deliveries.attempts.queryOptions({ id: props.delivery.id }));
  const loadError = useTranslatedError(attempts.error);
  return (
    <ViewDialog
      title={t('outbox.attempts.title', {
        sequence: props.delivery.message.sequence,
        url: props.delivery.endpoint.url,
      })}
      closeLabel={t('outbox.attempts.close')}
      maxWidth="md"
      onClose={props.onClose}
    >
      {attempts.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {attempts.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('outbox.attempts.empty')}
        </Typography>
      )}
      {!!attempts.data?.length && (
        <Table size="small" data-testid="outbox-attempts">
          <TableHead>
            <TableRow>
              <TableCell>{t('outbox.attempts.columns.attempt')}</TableCell>
              <TableCell>{t('outbox.attempts.columns.time')}</TableCell>
              <TableCell>{t('outbox.attempts.columns.result')}</TableCell>
              <TableCell>{t('outbox.attempts.columns.detail')}</TableCell>
              <TableCell>{t('outbox.attempts.columns.duration')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {attempts.data.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.attempt}</TableCell>
                <TableCell>{formatPlatformTime(a.startedAt, i18n.language)}</TableCell>
                <TableCell>
                  {t(`outbox.attempts.result.${a.result}`)}
                  {a.leaseLost ? ` · ${t('outbox.attempts.leaseLost')}` : ''}
                </TableCell>
                <TableCell>
                  {a.error
                    ? deliveryErrorLabel(t, a.error)
                    : a.httpStatus
                      ? t('outbox.deliveries.errors.http_status', { status: a.httpStatus })
                      : ''}
                </TableCell>
                <TableCell>{t('outbox.attempts.durationMs', { ms: a.durationMs })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ViewDialog>
  );
}

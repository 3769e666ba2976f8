import Refresh from '@mui/icons-material/Refresh';
import {
  Alert,
  Button,
  Chip,
  IconButton,
  LinearProgress,
  Stack,
  TableCell,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUSES, type DeliveryView } from '../../../shared/api/outbox';
import { measureOf } from '../../lib/platforms';
import { formatPlatformTime } from '../../lib/platformTime';
import type { Notify } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useLocalized, useRulebook } from '../rulebook/rulebookContext';
import { SubjectLink } from '../subject/SubjectLink';
import { AttemptsDialog } from './AttemptsDialog';
import { deliveryErrorLabel } from './deliveryErrorLabel';
import { eventTypeLabel } from './eventTypeLabel';
import { PagedTable } from './PagedTable';
import { useRefreshOutbox } from './useRefreshOutbox';

type Status = (typeof DELIVERY_STATUSES)[number];
const STATUS_COLOR = { pending: 'warning', delivered: 'success', dead: 'error' } as const;
/** The page keeps itself current while someone watches a backlog drain. */
const POLL_MS = 5000;

/** Pending, delivered and failed deliveries, newest first, with "retry now". */
export function DeliveriesSection(props: { notify: Notify }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const headingId = useId();
  const refresh = useRefreshOutbox();
  const [status, setStatus] = useState<Status>('pending');
  const counts = useQuery(trpc.outbox.deliveries.counts.queryOptions(undefined, { refetchInterval: POLL_MS }));
  const list = useInfiniteQuery(
    trpc.outbox.deliveries.list.infiniteQueryOptions(
      { status, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: POLL_MS },
    ),
  );
  const loadError = useTranslatedError(list.error);
  const retry = useMutation(trpc.outbox.deliveries.retry.mutationOptions());
  const retryError = useTranslatedError(retry.error);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const retryNow = async (delivery: DeliveryView) => {
    try {
      await retry.mutateAsync({ id: delivery.id });
      await refresh();
      props.notify(t('outbox.deliveries.retried'));
    } catch {
      // Shown above the table.
    }
  };

  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('outbox.deliveries.title')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={status}
          onChange={(_e, value: Status | null) => value && setStatus(value)}
          aria-label={t('outbox.deliveries.filter')}
        >
          {DELIVERY_STATUSES.map((s) => (
            <ToggleButton key={s} value={s} data-testid={`outbox-filter-${s}`}>
              {t(`outbox.status.${s}`)}
              {counts.data ? ` (${counts.data[s]})` : ''}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Tooltip title={t('outbox.refresh')}>
          <IconButton onClick={() => void refresh()} aria-label={t('outbox.refresh')}>
            <Refresh />
          </IconButton>
        </Tooltip>
      </Stack>
      {list.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {loadError && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void list.refetch()}>
              {t('outbox.retry')}
            </Button>
          }
        >
          {t('outbox.loadFailed')}: {loadError}
        </Alert>
      )}
      {retryError && <Alert severity="error">{retryError}</Alert>}
      <PagedTable
        labelledBy={headingId}
        testId="outbox-deliveries"
        columns={[
          { label: t('outbox.deliveries.columns.sequence'), width: 72 },
          { label: t('outbox.deliveries.columns.event') },
          { label: t('outbox.deliveries.columns.subject') },
          { label: t('outbox.deliveries.columns.endpoint') },
          { label: t('outbox.deliveries.columns.progress') },
          { label: t('outbox.deliveries.columns.lastError') },
          { label: t('outbox.deliveries.columns.actions'), width: 120 },
        ]}
        items={list.data ? items : undefined}
        empty={t('outbox.deliveries.empty')}
        row={(d) => <DeliveryRow key={d.id} delivery={d} busy={retry.isPending} onRetry={() => void retryNow(d)} />}
        pages={list}
      />
    </Stack>
  );
}

function DeliveryRow(props: { delivery: DeliveryView; busy: boolean; onRetry(): void }) {
  const { t, i18n } = useTranslation();
  const d = props.delivery;
  const { measures } = useRulebook();
  const localized = useLocalized();
  // Another platform's measure is named by its rulebook; one a later rulebook dropped keeps its
  // id: the message named it so.
  const measure = d.message.measure ? (measures.get(d.message.measure) ?? measureOf(d.message.measure)) : undefined;
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const [showAttempts, setShowAttempts] = useState(false);
  return (
    <TableRow>
      <TableCell>{d.message.sequence}</TableCell>
      <TableCell>
        <Typography variant="body2">{eventTypeLabel(t, d.message.type)}</Typography>
        {d.message.measure && (
          <Typography variant="caption" color="text.secondary" data-testid="delivery-measure">
            {measure ? localized(measure.label) : d.message.measure}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Typography variant="body2">
          <SubjectLink id={d.message.subjectId} />
        </Typography>
        {d.message.caseId !== null && (
          <Typography variant="caption" color="text.secondary">
            #{d.message.caseId}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ wordBreak: 'break-all', maxWidth: 240 }}>
        <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
          {d.endpoint.url}
        </Typography>
      </TableCell>
      <TableCell>
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Chip size="small" color={STATUS_COLOR[d.status]} label={t(`outbox.status.${d.status}`)} />
          {d.attempts > 0 && (
            <Button
              size="small"
              variant="text"
              sx={{ p: 0, minWidth: 0 }}
              onClick={() => setShowAttempts(true)}
              aria-label={t('outbox.attempts.show', { sequence: d.message.sequence })}
            >
              {t('outbox.deliveries.attempts', { count: d.attempts })}
            </Button>
          )}
          {showAttempts && <AttemptsDialog delivery={d} onClose={() => setShowAttempts(false)} />}
          {d.blocked && (
            <Typography variant="caption" color="text.secondary">
              {t('outbox.deliveries.blocked')}
            </Typography>
          )}
          {!d.blocked && d.nextAttemptAt && (
            <Typography variant="caption" color="text.secondary">
              {t('outbox.deliveries.nextAttempt', { time: time(d.nextAttemptAt) })}
            </Typography>
          )}
          {d.deliveredAt && (
            <Typography variant="caption" color="text.secondary">
              {t('outbox.deliveries.deliveredAt', { time: time(d.deliveredAt) })}
            </Typography>
          )}
        </Stack>
      </TableCell>
      <TableCell>
        <Typography variant="caption" color="error">
          {d.status === 'delivered' || !d.lastError ? '' : deliveryErrorLabel(t, d.lastError)}
        </Typography>
      </TableCell>
      <TableCell>
        {d.status !== 'delivered' && (
          <Button
            size="small"
            variant={d.status === 'dead' ? 'contained' : 'outlined'}
            disabled={props.busy}
            onClick={props.onRetry}
          >
            {t('outbox.deliveries.retryNow')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

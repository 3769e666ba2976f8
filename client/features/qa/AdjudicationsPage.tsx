import {
  Alert,
  Grid,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Paper,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useQueueName } from '../../lib/useQueueName';
import { useTranslatedError } from '../../lib/useTranslatedError';
import type { Adjudicated } from './AdjudicateForm';
import { DisagreementDetail } from './DisagreementDetail';
import { QaHeader } from './QaHeader';
import { ScoreChips } from './ScoreChips';

/**
 * The leads' adjudication backlog: every disagreement waiting, oldest first; open one to compare
 * the verdicts and rule on it. The ruling just made stays on screen after the item leaves the list.
 */
export function AdjudicationsPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queueName = useQueueName();
  const query = useQuery(trpc.qa.adjudications.queryOptions({}));
  const errorText = useTranslatedError(query.error);
  const [openId, setOpenId] = useState<number | null>(null);
  const [done, setDone] = useState<Adjudicated | null>(null);
  const items = query.data ?? [];
  const open = items.find((i) => i.taskId === openId) ?? null;
  return (
    <Stack spacing={2}>
      <QaHeader tab="adjudications" />
      <Typography variant="body2" color="text.secondary">
        {t('qa.adjudication.intro')}
      </Typography>
      {errorText && (
        <LoadErrorAlert onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {t('qa.adjudication.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {done && (
        <Alert severity="success" onClose={() => setDone(null)} data-testid="qa-adjudicated">
          {t('qa.adjudication.done', {
            id: done.taskId,
            outcome: t(`qa.adjudication.outcomes.${done.outcome}`),
          })}
        </Alert>
      )}
      {query.isPending && <Skeleton variant="rounded" height={200} aria-label={t('common.loading')} />}
      {query.data && items.length === 0 && (
        <Typography color="text.secondary" role="status" data-testid="qa-adjudications-empty">
          {t('qa.adjudication.empty')}
        </Typography>
      )}
      {items.length > 0 && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Paper>
              <List aria-label={t('qa.adjudication.title')} disablePadding>
                {items.map((item) => (
                  <ListItem key={item.taskId} disablePadding divider>
                    <ListItemButton
                      selected={item.taskId === openId}
                      onClick={() => {
                        setOpenId(item.taskId);
                        setDone(null);
                      }}
                      data-testid="qa-disagreement-row"
                    >
                      <ListItemText
                        primary={`${t('qa.adjudication.caseOf', { id: item.caseId })} · ${queueName(item.queue) ?? t('case.unrouted')}`}
                        secondary={
                          <Stack component="span" spacing={0.5} sx={{ mt: 0.5 }}>
                            <span>{formatPlatformTime(item.submittedAt, i18n.language)}</span>
                            <ScoreChips scores={item.scores} />
                          </Stack>
                        }
                        slotProps={{ secondary: { component: 'div' } }}
                      />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </Paper>
          </Grid>
          <Grid size={{ xs: 12, lg: 8 }}>
            {open ? (
              <DisagreementDetail
                key={open.taskId}
                item={open}
                onDone={(result) => {
                  setDone(result);
                  setOpenId(null);
                }}
              />
            ) : (
              <Typography color="text.secondary">{t('qa.adjudication.select')}</Typography>
            )}
          </Grid>
        </Grid>
      )}
    </Stack>
  );
}

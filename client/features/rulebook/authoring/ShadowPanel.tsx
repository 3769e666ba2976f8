import {
  Alert,
  Button,
  LinearProgress,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { SHADOW_MAX_DAYS } from '../../../../shared/api/simulation';
import type { Rulebook } from '../../../../shared/rulebook/types';
import { LoadErrorAlert } from '../../../lib/LoadErrorAlert';
import { formatPlatformTime } from '../../../lib/platformTime';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { useLocalized } from '../rulebookContext';
import { numberFromText } from './draftEdits';
import { MorePages, SummaryCell } from './SummaryCell';

/**
 * Shadow mode of the saved draft: start it for some days, stop it, and read the divergences, the
 * new decisions whose outcome the draft would have changed.
 */
export function ShadowPanel(props: { draftId: number; editable: boolean; rulebook: Rulebook }) {
  const { t, i18n } = useTranslation();
  const _localized = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [daysText, setDaysText] = useState('7');
  const days = numberFromText(daysText);
  const daysProblem =
    typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= SHADOW_MAX_DAYS
      ? null
      : t('rulebookAuthoring.shadow.daysRange', { max: SHADOW_MAX_DAYS });
  const pages = useInfiniteQuery(
    trpc.rulebook.shadow.divergences.infiniteQueryOptions(
      { draftId: props.draftId, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, initialCursor: undefined },
    ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.rulebook.shadow.divergences.pathKey() });
  const start = useMutation(trpc.rulebook.drafts.shadow.mutationOptions({ onSuccess: refresh }));
  const stop = useMutation(trpc.rulebook.drafts.shadowStop.mutationOptions({ onSuccess: refresh }));
  const errorText = useTranslatedError(pages.error);
  const actionError = useTranslatedError(start.error ?? stop.error);
  const active = pages.data?.pages[0]?.active ?? null;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack spacing={2} sx={{ pt: 2 }}>
      <Typography variant="h6" component="h2">
        {t('rulebookAuthoring.shadow.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('rulebookAuthoring.shadow.intro')}
      </Typography>
      {pages.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {errorText && (
        <LoadErrorAlert onRetry={() => void pages.refetch()} retrying={pages.isFetching}>
          {t('rulebookAuthoring.shadow.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {pages.data && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          {active ? (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" role="status" sx={{ flexGrow: 1 }}>
                {t('rulebookAuthoring.shadow.running', { until: formatPlatformTime(active.until, i18n.language) })}
              </Typography>
              <Button
                variant="outlined"
                color="warning"
                disabled={stop.isPending}
                onClick={() => stop.mutate({ id: props.draftId })}
              >
                {t('rulebookAuthoring.shadow.stop')}
              </Button>
            </Stack>
          ) : (
            <Stack
              component="form"
              direction="row"
              spacing={1.5}
              sx={{ alignItems: 'flex-start' }}
              onSubmit={(e) => {
                e.preventDefault();
                if (!daysProblem && typeof days === 'number' && !start.isPending)
                  start.mutate({ id: props.draftId, days });
              }}
            >
              <Typography variant="body2" role="status" sx={{ pt: 1 }}>
                {t('rulebookAuthoring.shadow.stopped')}
              </Typography>
              <TextField
                size="small"
                label={t('rulebookAuthoring.shadow.days')}
                value={daysText}
                onChange={(e) => setDaysText(e.target.value)}
                error={Boolean(daysProblem)}
                helperText={daysProblem}
                disabled={!props.editable}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                sx={{ width: 140 }}
              />
              <Button
                type="submit"
                variant="contained"
                disabled={!props.editable || Boolean(daysProblem) || start.isPending}
              >
                {t('rulebookAuthoring.shadow.start')}
              </Button>
            </Stack>
          )}
          {actionError && (
            <Alert severity="error" sx={{ mt: 1.5 }}>
              {actionError}
            </Alert>
          )}
        </Paper>
      )}
      <Typography variant="subtitle1" component="h3">
        {t('rulebookAuthoring.shadow.divergences')}
      </Typography>
      {pages.data && items.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('rulebookAuthoring.shadow.none')}
        </Typography>
      )}
      {items.length > 0 && (
        <Table size="small" aria-label={t('rulebookAuthoring.shadow.divergences')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rulebookAuthoring.shadow.columns.at')}</TableCell>
              <TableCell>{t('rulebookAuthoring.shadow.columns.case')}</TableCell>
              <TableCell>{t('rulebookAuthoring.shadow.columns.subject')}</TableCell>
              <TableCell>{t('rulebookAuthoring.shadow.columns.live')}</TableCell>
              <TableCell>{t('rulebookAuthoring.shadow.columns.shadow')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{formatPlatformTime(d.at, i18n.language)}</TableCell>
                <TableCell>
                  <Link component={RouterLink} to={`/cases/${d.caseId}`}>
                    {t('rulebookAuthoring.shadow.caseNo', { id: d.caseId })}
                  </Link>
                </TableCell>
                <TableCell>
                  <Link component={RouterLink} to={`/subjects/${encodeURIComponent(d.subjectId)}`}>
                    {d.subjectId}
                  </Link>
                </TableCell>
                <SummaryCell rulebook={props.rulebook} summary={d.live} changed={d.changed} />
                <SummaryCell rulebook={props.rulebook} summary={d.shadow} changed={d.changed} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <MorePages pages={pages} />
    </Stack>
  );
}

import {
  Alert,
  Box,
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
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { formatInstant, localDate, MS_PER_DAY, startOfLocalDate } from '../../../../shared/rulebook/time';
import type { Rulebook } from '../../../../shared/rulebook/types';
import { formatList } from '../../../lib/formatList';
import { LoadErrorAlert } from '../../../lib/LoadErrorAlert';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { useLocalized } from '../rulebookContext';
import { isLocalDate } from './fieldChecks';
import { SimulationExportButton } from './SimulationExportButton';
import { MorePages, SummaryCell } from './SummaryCell';
import { ASPECTS } from './summaryText';

const FINISHED = new Set(['done', 'cancelled', 'failed']);
const COUNTS = ['subjects', ...ASPECTS] as const;

/**
 * The instant a simulation judges at: the end of the chosen platform-local day, or now when the
 * day is today (standings as of a moment still to come would count punishments not yet over).
 */
export function simulationAsOf(date: string, offsetMinutes: number, now: number): string {
  const endOfDay = startOfLocalDate(date, offsetMinutes) + MS_PER_DAY - 1000;
  return formatInstant(Math.min(endOfDay, now), offsetMinutes);
}

/**
 * Impact simulation of the saved draft: pick the day, run it in the background with a progress
 * bar and cancel, then the counts and the subjects that change, each linked, and the export.
 * The job is in the URL (`?job=`), so the results survive a reload and can be shared.
 */
export function SimulationPanel(props: { draftId: number; dirty: boolean; rulebook: Rulebook }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const jobId = Number(params.get('job')) || null;
  const today = localDate(Date.now(), props.rulebook.utcOffsetMinutes);
  const [date, setDate] = useState(today);
  const setJob = (id: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('job', String(id));
        return next;
      },
      { replace: true },
    );
  const start = useMutation(
    trpc.rulebook.drafts.simulate.mutationOptions({ onSuccess: ({ jobId: id }) => setJob(id) }),
  );
  const startError = useTranslatedError(start.error);
  const dateProblem = isLocalDate(date) ? null : t('rulebookAuthoring.issues.date');

  return (
    <Stack spacing={2} sx={{ pt: 2 }}>
      <Typography variant="h6" component="h2">
        {t('rulebookAuthoring.simulation.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('rulebookAuthoring.simulation.intro')}
      </Typography>
      {props.dirty && <Alert severity="info">{t('rulebookAuthoring.simulation.unsavedNote')}</Alert>}
      <Stack
        component="form"
        direction="row"
        spacing={1.5}
        sx={{ alignItems: 'flex-start' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!dateProblem && !start.isPending)
            start.mutate({
              id: props.draftId,
              asOf: simulationAsOf(date, props.rulebook.utcOffsetMinutes, Date.now()),
            });
        }}
      >
        <TextField
          type="date"
          size="small"
          label={t('rulebookAuthoring.simulation.asOf')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={Boolean(dateProblem)}
          helperText={dateProblem}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button type="submit" variant="contained" disabled={Boolean(dateProblem) || start.isPending}>
          {t('rulebookAuthoring.simulation.run')}
        </Button>
      </Stack>
      {startError && <Alert severity="error">{startError}</Alert>}
      {jobId && <SimulationJob key={jobId} jobId={jobId} rulebook={props.rulebook} />}
    </Stack>
  );
}

function SimulationJob({ jobId, rulebook }: { jobId: number; rulebook: Rulebook }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const job = useQuery({
    ...trpc.rulebook.simulation.queryOptions({ jobId }),
    // Poll while it runs; a finished job never changes.
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 1000),
  });
  const cancel = useMutation(
    trpc.rulebook['simulation.cancel'].mutationOptions({ onSuccess: () => void job.refetch() }),
  );
  const errorText = useTranslatedError(job.error);
  const cancelError = useTranslatedError(cancel.error);
  if (errorText) {
    return (
      <LoadErrorAlert onRetry={() => void job.refetch()} retrying={job.isFetching}>
        {t('rulebookAuthoring.simulation.loadFailed')}: {errorText}
      </LoadErrorAlert>
    );
  }
  const data = job.data;
  if (!data) return <LinearProgress aria-label={t('common.loading')} />;
  const running = data.status === 'queued' || data.status === 'running';
  return (
    <Stack spacing={2} data-testid="simulation-job">
      {running && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="body2" gutterBottom role="status">
            {data.status === 'queued'
              ? t('rulebookAuthoring.simulation.queued')
              : t('rulebookAuthoring.simulation.running', { processed: data.processed, total: data.total })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={Math.round(data.progress * 100)}
            aria-label={t('rulebookAuthoring.simulation.progress')}
            sx={{ mb: 1.5 }}
          />
          <Button
            variant="outlined"
            color="warning"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ jobId })}
          >
            {t('rulebookAuthoring.simulation.cancel')}
          </Button>
          {cancelError && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {cancelError}
            </Alert>
          )}
        </Paper>
      )}
      {data.status === 'cancelled' && <Alert severity="info">{t('rulebookAuthoring.simulation.cancelled')}</Alert>}
      {data.status === 'failed' && (
        <Alert severity="error">
          {t('rulebookAuthoring.simulation.failed')}
          {data.error ? `: ${data.error}` : ''}
        </Alert>
      )}
      {data.status === 'done' && (
        <>
          <Alert severity="success">
            {t('rulebookAuthoring.simulation.done', {
              asOf: localDate(Date.parse(data.asOf), rulebook.utcOffsetMinutes),
              total: data.total,
            })}
          </Alert>
          <Box
            component="dl"
            data-testid="simulation-counts"
            sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5, m: 0 }}
          >
            {COUNTS.map((aspect) => (
              <Paper key={aspect} variant="outlined" sx={{ p: 1.5 }}>
                <Typography component="dt" variant="caption" color="text.secondary">
                  {t(`rulebookAuthoring.simulation.counts.${aspect}`)}
                </Typography>
                <Typography component="dd" variant="h5" sx={{ m: 0 }}>
                  {data.changed[aspect]}
                </Typography>
              </Paper>
            ))}
          </Box>
          <SimulationSubjects jobId={jobId} rulebook={rulebook} />
        </>
      )}
    </Stack>
  );
}

function SimulationSubjects({ jobId, rulebook }: { jobId: number; rulebook: Rulebook }) {
  const { t, i18n } = useTranslation();
  const _localized = useLocalized();
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.rulebook['simulation.subjects'].infiniteQueryOptions(
      { jobId, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, initialCursor: undefined },
    ),
  );
  const errorText = useTranslatedError(pages.error);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack spacing={1}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1 }}>
          {t('rulebookAuthoring.simulation.listTitle')}
        </Typography>
        <SimulationExportButton jobId={jobId} />
      </Stack>
      {pages.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {errorText && (
        <LoadErrorAlert onRetry={() => void pages.refetch()} retrying={pages.isFetching}>
          {t('rulebookAuthoring.simulation.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {pages.data && items.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('rulebookAuthoring.simulation.listEmpty')}
        </Typography>
      )}
      {items.length > 0 && (
        <Table size="small" aria-label={t('rulebookAuthoring.simulation.listTitle')} data-testid="simulation-subjects">
          <TableHead>
            <TableRow>
              <TableCell>{t('rulebookAuthoring.simulation.subject')}</TableCell>
              <TableCell>{t('rulebookAuthoring.simulation.changedWhat')}</TableCell>
              <TableCell>{t('rulebookAuthoring.simulation.before')}</TableCell>
              <TableCell>{t('rulebookAuthoring.simulation.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.subjectId}>
                <TableCell>
                  <Link
                    component={RouterLink}
                    to={`/subjects/${encodeURIComponent(item.subjectId)}`}
                    aria-label={t('rulebookAuthoring.simulation.openSubject', { name: item.subjectId })}
                  >
                    {item.subjectId}
                  </Link>
                </TableCell>
                <TableCell>
                  {formatList(
                    ASPECTS.filter((a) => item.changed[a]).map((a) => t(`rulebookAuthoring.simulation.counts.${a}`)),
                    i18n.language,
                  )}
                </TableCell>
                <SummaryCell rulebook={rulebook} summary={item.before} changed={item.changed} />
                <SummaryCell rulebook={rulebook} summary={item.after} changed={item.changed} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <MorePages pages={pages} />
    </Stack>
  );
}

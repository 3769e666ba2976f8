import {
  Alert,
  Button,
  Chip,
  LinearProgress,
  Link,
  Stack,
  TableCell,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DSA_SUBMISSION_STATUSES, type DsaSubmissionStatus, type DsaSubmissionView } from '../../../shared/api/dsa';
import { SOR_CATEGORIES } from '../../../shared/dsa/sorSchema';
import { formatPlatformTime } from '../../lib/platformTime';
import type { Notify } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { SubjectLink } from '../subject/SubjectLink';
import { dsaAnswerLabel } from './dsaAnswerLabel';
import { PagedTable } from './PagedTable';

const STATUS_COLOR = { pending: 'warning', submitted: 'success', duplicate: 'success', failed: 'error' } as const;
const POLL_MS = 5000;
type Filter = DsaSubmissionStatus | 'all';

/** Statements of reasons for the DSA Transparency Database: status, attempts, last answer, retry. */
export function DsaSection(props: { notify: Notify }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useInfiniteQuery(
    trpc.dsa.submissions.infiniteQueryOptions(
      { status: filter === 'all' ? undefined : filter, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: POLL_MS },
    ),
  );
  const loadError = useTranslatedError(list.error);
  const retry = useMutation(trpc.dsa.retry.mutationOptions());
  const retryError = useTranslatedError(retry.error);
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const retryNow = async (s: DsaSubmissionView) => {
    try {
      await retry.mutateAsync({ id: s.id });
      await queryClient.invalidateQueries({ queryKey: trpc.dsa.submissions.pathKey() });
      props.notify(t('dsa.retried'));
    } catch {
      // Shown above the table.
    }
  };

  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1} data-testid="dsa-section">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('dsa.title')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter}
          onChange={(_e, value: Filter | null) => value && setFilter(value)}
          aria-label={t('dsa.filter')}
        >
          <ToggleButton value="all">{t('dsa.all')}</ToggleButton>
          {DSA_SUBMISSION_STATUSES.map((s) => (
            <ToggleButton key={s} value={s} data-testid={`dsa-filter-${s}`}>
              {t(`dsa.status.${s}`)}
              {first ? ` (${first.counts[s]})` : ''}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('dsa.intro')}
      </Typography>
      {first && !first.enabled && <Alert severity="info">{t('dsa.disabled')}</Alert>}
      {list.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {retryError && <Alert severity="error">{retryError}</Alert>}
      <PagedTable
        labelledBy={headingId}
        testId="dsa-submissions"
        columns={[
          { label: t('dsa.columns.decision') },
          { label: t('dsa.columns.puid') },
          { label: t('dsa.columns.category') },
          { label: t('dsa.columns.progress') },
          { label: t('dsa.columns.lastAnswer') },
          { label: t('dsa.columns.actions'), width: 120 },
        ]}
        items={list.data ? items : undefined}
        empty={t('dsa.empty')}
        row={(s) => <SubmissionRow key={s.id} submission={s} busy={retry.isPending} onRetry={() => void retryNow(s)} />}
        pages={list}
      />
    </Stack>
  );
}

function SubmissionRow(props: { submission: DsaSubmissionView; busy: boolean; onRetry(): void }) {
  const { t, i18n } = useTranslation();
  const s = props.submission;
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const category = (SOR_CATEGORIES as readonly string[]).includes(s.category) ? s.category : 'other';
  return (
    <TableRow data-testid={`dsa-row-${s.id}`}>
      <TableCell>
        <Link component={RouterLink} to={`/cases/${s.caseId}`}>
          {t('dsa.caseLink', { id: s.caseId })}
        </Link>
        <Typography variant="caption" component="div" color="text.secondary">
          <SubjectLink id={s.subjectId} />
        </Typography>
      </TableCell>
      <TableCell sx={{ wordBreak: 'break-all', maxWidth: 220 }}>
        <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
          {s.puid}
        </Typography>
      </TableCell>
      <TableCell>
        <Typography variant="body2">{t(`dsa.categories.${category}`)}</Typography>
      </TableCell>
      <TableCell>
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Chip size="small" color={STATUS_COLOR[s.status]} label={t(`dsa.status.${s.status}`)} />
          {s.attempts > 0 && (
            <Typography variant="caption" color="text.secondary">
              {t('dsa.attempts', { count: s.attempts })}
            </Typography>
          )}
          {s.nextAttemptAt && (
            <Typography variant="caption" color="text.secondary">
              {t('dsa.nextAttempt', { time: time(s.nextAttemptAt) })}
            </Typography>
          )}
          {s.submittedAt && (
            <Typography variant="caption" color="text.secondary">
              {t('dsa.submittedAt', { time: time(s.submittedAt) })}
            </Typography>
          )}
          {s.overturnedAt && (
            <Chip
              size="small"
              variant="outlined"
              color="warning"
              data-testid="dsa-overturned"
              label={t('dsa.overturned', { time: time(s.overturnedAt) })}
            />
          )}
        </Stack>
      </TableCell>
      <TableCell sx={{ maxWidth: 320 }}>
        <Typography variant="caption" color={s.status === 'failed' ? 'error' : 'text.secondary'}>
          {dsaAnswerLabel(t, s)}
        </Typography>
      </TableCell>
      <TableCell>
        {(s.status === 'failed' || s.status === 'pending') && (
          <Button
            size="small"
            variant={s.status === 'failed' ? 'contained' : 'outlined'}
            disabled={props.busy}
            onClick={props.onRetry}
          >
            {t('dsa.retry')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

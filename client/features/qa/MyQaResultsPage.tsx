import {
  Link,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { QaMineItem } from '../../../shared/api/qa';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useRuleLabel } from '../../lib/usePlatformNames';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { QaHeader } from './QaHeader';
import { QaStatusChip } from './QaStatusChip';
import { ScoreChips } from './ScoreChips';

/**
 * A reviewer's own sampled decisions and what QA made of them: the field-by-field result, the
 * QA verdict once given, and the lead's ruling and note. Who checked them is not said.
 */
export function MyQaResultsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.qa.mine.queryOptions());
  const errorText = useTranslatedError(query.error);
  return (
    <Stack spacing={2}>
      <QaHeader tab="mine" />
      <Typography variant="body2" color="text.secondary">
        {t('qa.mine.intro')}
      </Typography>
      {errorText && (
        <LoadErrorAlert onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {t('qa.mine.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {query.isPending && <Skeleton variant="rounded" height={160} aria-label={t('common.loading')} />}
      {query.data && query.data.length === 0 && (
        <Typography color="text.secondary" role="status" data-testid="qa-mine-empty">
          {t('qa.mine.empty')}
        </Typography>
      )}
      {query.data && query.data.length > 0 && <ResultsTable rows={query.data} />}
    </Stack>
  );
}

function ResultsTable({ rows }: { rows: QaMineItem[] }) {
  const { t, i18n } = useTranslation();
  const ruleLabel = useRuleLabel();
  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label={t('qa.mine.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('qa.mine.case')}</TableCell>
            <TableCell>{t('qa.mine.sampledAt')}</TableCell>
            <TableCell>{t('qa.mine.status')}</TableCell>
            <TableCell>{t('qa.mine.scores')}</TableCell>
            <TableCell>{t('qa.mine.verdict')}</TableCell>
            <TableCell>{t('qa.mine.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.taskId} data-testid="qa-mine-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Link component={RouterLink} to={`/cases/${r.caseId}`}>
                  {t('qa.mine.caseOf', { id: r.caseId })}
                </Link>
              </TableCell>
              <TableCell>{formatPlatformTime(r.sampledAt, i18n.language)}</TableCell>
              <TableCell>
                <QaStatusChip status={r.status} />
              </TableCell>
              <TableCell>{r.scores ? <ScoreChips scores={r.scores} /> : t('qa.mine.notYet')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {r.verdict
                  ? [
                      t(`qa.verdict.kinds.${r.verdict.decision}`),
                      ...(r.verdict.rule ? [ruleLabel(r.verdict.rule)] : []),
                    ].join(' · ')
                  : t('qa.mine.notYet')}
              </TableCell>
              <TableCell sx={{ maxWidth: 320, whiteSpace: 'pre-wrap' }} data-testid="qa-mine-note">
                {r.leadNote ?? t('qa.mine.noNote')}
                {r.adjudicatedAt && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {formatPlatformTime(r.adjudicatedAt, i18n.language)}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

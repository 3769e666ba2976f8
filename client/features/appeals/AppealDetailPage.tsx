import { Alert, Button, Grid, Link, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { AppealView } from '../../../shared/api/appeals';
import { LabeledField } from '../../lib/LabeledField';
import { PageLoading } from '../../lib/lazyPage';
import { PlatformChip } from '../../lib/PlatformChip';
import { subjectPlatform } from '../../lib/platforms';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useRuleLabel } from '../../lib/usePlatformNames';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { StandingCard } from '../case/standing/StandingCard';
import { MessagesPanel } from '../messages/MessagesPanel';
import { ReviewClock } from '../messages/ReviewClock';
import { RulebookGate } from '../rulebook/RulebookGate';
import { SubjectLink } from '../subject/SubjectLink';
import { AppealDecidePanel } from './AppealDecidePanel';
import { AppealStageChip, AppealStatusChip } from './AppealStageChip';
import { AppealStatementCard } from './AppealStatementCard';
import { OriginalDecisionCard } from './OriginalDecisionCard';
import { useLiveAppealChanges } from './useLiveAppealChanges';

/** `/appeals/:id`: everything an officer needs to rule on one appeal, and the ruling itself. */
export function AppealDetailPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ ...trpc.appeals.get.queryOptions({ id }), enabled: valid });
  useLiveAppealChanges();
  const errorText = useTranslatedError(valid ? query.error : new Error('invalid'));
  if (!valid || query.error) {
    return (
      <Alert
        severity="error"
        action={valid ? <Button onClick={() => void query.refetch()}>{t('appeals.retry')}</Button> : undefined}
      >
        {valid ? errorText : t('error.NOT_FOUND')}
      </Alert>
    );
  }
  if (!query.data) return <PageLoading />;
  // Relief is judged by the subject's own platform's rulebook.
  return (
    <RulebookGate platform={subjectPlatform(query.data.subject)}>
      <AppealDetail appeal={query.data} />
    </RulebookGate>
  );
}

function AppealDetail({ appeal }: { appeal: AppealView }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.cases.history.queryOptions({ id: appeal.caseId }));
  const historyError = useTranslatedError(history.error);
  const decision = history.data?.decisions.find((d) => d.id === appeal.decisionId);
  const notices = history.data?.notices.filter((n) => n.decisionId === appeal.decisionId) ?? [];
  return (
    <Stack spacing={2}>
      <AppealHeader appeal={appeal} />
      {historyError && <Alert severity="error">{historyError}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            <AppealStatementCard appeal={appeal} />
            {/* The request for evidence and the member's reply travel in the case's thread. */}
            <MessagesPanel caseId={appeal.caseId} />
            {history.data ? (
              <OriginalDecisionCard decision={decision} notices={notices} />
            ) : (
              !historyError && <PageLoading />
            )}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            {/* Live: deciding invalidates `accounts.standing`, so a reversal shows without a reload. */}
            <StandingCard subjectId={appeal.subject.id} platform={subjectPlatform(appeal.subject)} />
            {/* The panel needs the original decision: its author may not rule, and relief starts from its facts. */}
            {history.data && <AppealDecidePanel appeal={appeal} decision={decision} />}
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}

/** Which appeal, on what, where it stands, and its deadlines in platform time. */
function AppealHeader({ appeal }: { appeal: AppealView }) {
  const { t, i18n } = useTranslation();
  const ruleLabel = useRuleLabel();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {t('appeals.detail.title', { id: appeal.id })} · {ruleLabel(appeal.rule)}
        </Typography>
        <AppealStageChip stage={appeal.stage} />
        <AppealStatusChip status={appeal.status} />
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
        <LabeledField label={t('appeals.detail.case')}>
          <Link component={RouterLink} to={`/cases/${appeal.caseId}`}>
            {t('case.title', { id: appeal.caseId })}
          </Link>
        </LabeledField>
        <LabeledField label={t('appeals.detail.subject')}>
          <SubjectLink id={appeal.subject.id} name={appeal.subject.name} /> ({appeal.subject.id})
        </LabeledField>
        <LabeledField label={t('platforms.label')}>
          <PlatformChip platform={subjectPlatform(appeal.subject)} />
        </LabeledField>
        <LabeledField label={t('appeals.detail.submittedAt')}>{time(appeal.createdAt)}</LabeledField>
        {appeal.evidenceDeadline && (
          <LabeledField label={t('appeals.detail.evidenceDeadline')}>{time(appeal.evidenceDeadline)}</LabeledField>
        )}
        <LabeledField label={t('messages.clock.label')}>
          <ReviewClock appeal={appeal} />
        </LabeledField>
        <LabeledField label={t('appeals.detail.assignee')}>
          {appeal.assignee?.name ?? t('appeals.detail.unassigned')}
        </LabeledField>
        {appeal.decidedBy && <LabeledField label={t('appeals.detail.decidedBy')}>{appeal.decidedBy.name}</LabeledField>}
        {appeal.decidedAt && (
          <LabeledField label={t('appeals.detail.decidedAt')}>{time(appeal.decidedAt)}</LabeledField>
        )}
      </Stack>
      {appeal.outcomeReason && (
        // While the member is asked for evidence this is the request; once final, the ruling's reason.
        <Typography sx={{ mt: 1.5 }} data-testid="appeal-outcome-reason">
          {t(appeal.stage === 'final' ? 'appeals.detail.outcomeReason' : 'appeals.detail.requestReason')}:{' '}
          {appeal.outcomeReason}
        </Typography>
      )}
    </Paper>
  );
}

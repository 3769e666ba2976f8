import { Alert, Button, Grid, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { PageLoading } from '../../lib/lazyPage';
import { subjectPlatform } from '../../lib/platforms';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { EvidencePanel } from '../case/evidence/EvidencePanel';
import { ReportsCard } from '../case/ReportsCard';
import { RulebookGate } from '../rulebook/RulebookGate';
import { BlindCaseHeader } from './BlindCaseHeader';
import { VerdictForm } from './VerdictForm';

/**
 * One QA task, blind: the case, its subject, reports and evidence in the case page's own
 * viewers, and the QA reviewer's verdict beside them. Nothing of the first decision is asked
 * for or shown (`qa.task` does not send it).
 */
export function QaTaskPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const taskId = Number(useParams().id);
  const valid = Number.isInteger(taskId) && taskId > 0;
  const query = useQuery({ ...trpc.qa.task.queryOptions({ taskId }), enabled: valid });
  const errorText = useTranslatedError(valid ? query.error : new Error('invalid'));
  const back = (
    <Button component={RouterLink} to="/qa" size="small">
      {t('qa.backToTasks')}
    </Button>
  );
  if (!valid)
    return (
      <Alert severity="error" action={back}>
        {t('error.NOT_FOUND')}
      </Alert>
    );
  if (query.error) {
    return (
      <LoadErrorAlert onRetry={() => void query.refetch()} retrying={query.isFetching}>
        {t('qa.task.loadFailed')}: {errorText}
      </LoadErrorAlert>
    );
  }
  const task = query.data;
  if (!task) return <PageLoading />;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Stack spacing={2}>
          <BlindCaseHeader task={task} />
          <ReportsCard reports={task.case.reports} canSplit={false} onSplit={() => {}} />
          <EvidencePanel caseId={task.case.id} evidence={task.case.evidence} canUpload={false} />
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Stack
          spacing={2}
          sx={{
            position: { lg: 'sticky' },
            top: { lg: 64 },
            maxHeight: { lg: 'calc(100vh - 80px)' },
            overflowY: { lg: 'auto' },
          }}
        >
          {/* The subject is judged by its own platform's rulebook, as on the case page. */}
          <RulebookGate platform={subjectPlatform(task.case.subject)}>
            <VerdictForm key={task.taskId} task={task} />
          </RulebookGate>
          <div>{back}</div>
        </Stack>
      </Grid>
    </Grid>
  );
}

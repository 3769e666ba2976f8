import { Alert, Button, Grid, Stack } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { can } from '../../../shared/auth/roles';
import { PageLoading } from '../../lib/lazyPage';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { SubjectAlertsCard } from '../alerts/SubjectAlertsCard';
import { CaseAppealBox } from '../appeals/CaseAppealBox';
import { useSession } from '../auth/useSession';
import { useLiveCaseChanges } from '../queue/useLiveCaseChanges';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { DecisionPanel } from './decision/DecisionPanel';
import { EvidenceCard } from './EvidenceCard';
import { HistoryCard } from './history/HistoryCard';
import { LinksCard } from './LinksCard';
import { ReportsCard } from './ReportsCard';
import { StandingCard } from './standing/StandingCard';
import { TriageCard } from './TriageCard';
import { useLeaseRenewal } from './useLeaseRenewal';

export function CasePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ ...trpc.cases.get.queryOptions({ id }), enabled: valid });
  const [splitting, setSplitting] = useState<number | null>(null);
  useLiveCaseChanges();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  const link = useMutation(trpc.cases.link.mutationOptions({ onSuccess: refresh }));
  const split = useMutation(
    trpc.cases.splitReport.mutationOptions({
      onSuccess: () => {
        setSplitting(null);
        void refresh();
      },
    }),
  );
  const c = query.data;
  useLeaseRenewal(id, Boolean(c && user && c.assignee?.id === user.id && c.status === 'assigned'));
  const loadError = useTranslatedError(valid ? query.error : new Error('invalid'));
  const actionError = useTranslatedError(link.error);
  const splitError = useTranslatedError(split.error);

  if (!valid || query.error) {
    return (
      <Alert
        severity="error"
        action={valid ? <Button onClick={() => void query.refetch()}>{t('queue.retry')}</Button> : undefined}
      >
        {valid ? loadError : t('error.NOT_FOUND')}
      </Alert>
    );
  }
  if (!c) {
    return <PageLoading />;
  }
  const canOrganize = Boolean(user && can(user.role, 'cases.intake'));
  return (
    <Stack spacing={2}>
      <CaseHeader c={c} />
      <CaseActions c={c} />
      {actionError && <Alert severity="error">{actionError}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <ReportsCard reports={c.reports} canSplit={canOrganize} onSplit={setSplitting} />
            <EvidenceCard evidence={c.evidence} />
            <HistoryCard caseId={c.id} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <DecisionPanel key={c.id} c={c} />
            <CaseAppealBox c={c} />
            <StandingCard subjectId={c.subject.id} />
            <SubjectAlertsCard subjectId={c.subject.id} />
            <TriageCard triage={c.triage} />
            <LinksCard
              links={c.links}
              canEdit={canOrganize}
              onLink={(otherCaseId) => link.mutate({ caseId: c.id, otherCaseId })}
              onUnlink={(otherCaseId) => link.mutate({ caseId: c.id, otherCaseId, unlink: true })}
            />
          </Stack>
        </Grid>
      </Grid>
      {splitting !== null && (
        <ReasonDialog
          title={t('case.split')}
          label={t('case.reason')}
          confirmLabel={t('common.confirm')}
          pending={split.isPending}
          error={splitError}
          onClose={() => {
            setSplitting(null);
            split.reset();
          }}
          onSubmit={(reason) => split.mutate({ reportId: splitting, reason })}
        />
      )}
    </Stack>
  );
}

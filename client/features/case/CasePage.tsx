import { Alert, Button, Grid, Stack } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { can } from '../../../shared/auth/roles';
import { PageLoading } from '../../lib/lazyPage';
import { subjectPlatform } from '../../lib/platforms';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { SubjectAlertsCard } from '../alerts/SubjectAlertsCard';
import { CaseAppealBox } from '../appeals/CaseAppealBox';
import { useSession } from '../auth/useSession';
import { MessagesPanel } from '../messages/MessagesPanel';
import { NotesPanel } from '../notes/NotesPanel';
import { MarkGoldButton } from '../qaGold/MarkGoldButton';
import { useLiveCaseChanges } from '../worklist/useLiveCaseChanges';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { CaseTags } from './CaseTags';
import { DecisionPanel } from './decision/DecisionPanel';
import { EvidenceCard } from './EvidenceCard';
import { HistoryCard } from './history/HistoryCard';
import { LinksCard } from './LinksCard';
import { PresenceProvider } from './presence/PresenceContext';
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
  // At 1440×900 the decision form and the standing must be in view without scrolling. The
  // decision panel alone can be 700px tall (a rule with many facts), so the two cannot stack in
  // one column: the right column starts at the top with the decision panel and keeps to the
  // viewport while the left column scrolls (its lower cards scroll within it); the standing
  // sits in the wide left column under the header, above the reports and evidence.
  return (
    <PresenceProvider key={c.id} caseId={c.id}>
      <Stack spacing={2}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <Stack spacing={2}>
              <CaseHeader c={c} />
              <CaseActions c={c} />
              <MarkGoldButton c={c} />
              {actionError && <Alert severity="error">{actionError}</Alert>}
              <StandingCard subjectId={c.subject.id} platform={subjectPlatform(c.subject)} />
              <ReportsCard reports={c.reports} canSplit={canOrganize} onSplit={setSplitting} />
              <EvidenceCard evidence={c.evidence} />
              <MessagesPanel caseId={c.id} />
              <NotesPanel target={{ type: 'case', id: c.id }} />
              <HistoryCard caseId={c.id} platform={subjectPlatform(c.subject)} />
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Stack
              spacing={2}
              data-testid="case-side"
              sx={{
                position: { lg: 'sticky' },
                top: { lg: 64 },
                maxHeight: { lg: 'calc(100vh - 80px)' },
                overflowY: { lg: 'auto' },
                // Room for the cards' shadows inside the scrolling box.
                p: { lg: 0.5 },
                m: { lg: -0.5 },
              }}
            >
              <DecisionPanel key={c.id} c={c} />
              <CaseAppealBox c={c} />
              <CaseTags caseId={c.id} subjectId={c.subject.id} />
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
    </PresenceProvider>
  );
}

import { Alert, Card, CardContent, CardHeader } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealView } from '../../../shared/api/appeals';
import { can } from '../../../shared/auth/roles';
import { useSession } from '../auth/useSession';
import { AppealDecideForm } from './AppealDecideForm';
import type { OriginalDecision } from './originalDecision';

/**
 * Where an appeals officer rules. Only shown to `appeals.decide` and only while the appeal is
 * under review; the author or approver of the original decision is told why they cannot rule
 * (the server refuses them too), and so is anyone but the officer who claimed it.
 */
export function AppealDecidePanel({
  appeal,
  decision,
}: {
  appeal: AppealView;
  decision: OriginalDecision | undefined;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  // Kept here, outside the form: the form goes away once the appeal is no longer under review.
  const [outcome, setOutcome] = useState<string | null>(null);
  if (!user || !can(user.role, 'appeals.decide')) return null;
  const ownDecision = decision && (decision.decidedBy.id === user.id || decision.reviewedBy?.id === user.id);
  const claimedByOther = appeal.assignee && appeal.assignee.id !== user.id;
  const body =
    appeal.status !== 'under_review' ? null : ownDecision ? (
      <Alert severity="warning">{t('error.appeal_conflict_of_interest')}</Alert>
    ) : claimedByOther ? (
      <Alert severity="info">{t('appeals.decide.claimedBy', { name: appeal.assignee?.name })}</Alert>
    ) : (
      <AppealDecideForm appeal={appeal} decision={decision} onDecided={setOutcome} />
    );
  if (!body && !outcome) return null;
  return (
    <Card variant="outlined" data-testid="appeal-decide">
      <CardHeader title={t('appeals.decide.title')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {outcome && (
          <Alert severity="success" sx={{ mb: body ? 2 : 0 }} onClose={() => setOutcome(null)}>
            {t(`appeals.decide.done.${outcome}`, { defaultValue: outcome })}
          </Alert>
        )}
        {body}
      </CardContent>
    </Card>
  );
}

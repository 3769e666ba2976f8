import { Alert, AlertTitle, Button } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { can } from '../../../../shared/auth/roles';
import { useTRPC } from '../../../lib/trpc';
import { useSession } from '../../auth/useSession';
import { useApprovalReasonsText } from './FourEyesNotice';

/** The case waits for four-eyes: whose decision, what kind, why, and where approvers act on it. */
export function PendingApprovalNote({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const reasonsText = useApprovalReasonsText();
  const history = useQuery(trpc.cases.history.queryOptions({ id: caseId }));
  const pending = history.data?.decisions.findLast((d) => d.status === 'pending_approval');
  const approver = Boolean(user && can(user.role, 'cases.approve') && pending && pending.decidedBy.id !== user.id);
  return (
    <Alert
      severity="info"
      data-testid="pending-approval"
      action={
        approver ? (
          <Button color="inherit" size="small" component={RouterLink} to="/approvals">
            {t('decision.pending.open')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{t('decision.pending.title')}</AlertTitle>
      {pending &&
        t('decision.pending.text', {
          kind: t(`decisionKind.${pending.kind}`, { defaultValue: pending.kind }),
          author: pending.decidedBy.name,
          reasons: reasonsText(pending.approvalReasons),
        })}
    </Alert>
  );
}

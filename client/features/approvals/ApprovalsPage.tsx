import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/roles';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { subjectPlatform } from '../../lib/platforms';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { RulebookGate } from '../rulebook/RulebookGate';
import { ApprovalCard } from './ApprovalCard';
import { useLiveApprovals } from './useLiveApprovals';

/** Four-eyes: decisions waiting for a second person, oldest first; approve or send back. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const allowed = Boolean(user && can(user.role, 'cases.approve'));
  const query = useQuery({ ...trpc.approvals.list.queryOptions(), enabled: allowed });
  const errorText = useTranslatedError(query.error);
  useLiveApprovals();
  if (!allowed) return <Alert severity="warning">{t('error.FORBIDDEN')}</Alert>;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('approvals.title')}
        </Typography>
        {query.data && (
          <Typography variant="body2" color="text.secondary" data-testid="approvals-total">
            {t('approvals.total', { count: query.data.length })}
          </Typography>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('approvals.hint')}
      </Typography>
      {errorText && <LoadErrorAlert onRetry={() => void query.refetch()}>{errorText}</LoadErrorAlert>}
      {query.isPending && (
        <Box sx={{ display: 'grid', placeItems: 'center', p: 4 }}>
          <CircularProgress aria-label={t('common.loading')} />
        </Box>
      )}
      {query.data?.length === 0 && <Alert severity="success">{t('approvals.empty')}</Alert>}
      {query.data && query.data.length > 0 && (
        <Stack spacing={2}>
          {/* Each decision reads its rule and measures in its subject's platform's rulebook. */}
          {query.data.map((item) => (
            <RulebookGate key={item.decisionId} platform={subjectPlatform(item.subject)}>
              <ApprovalCard item={item} mine={item.decidedBy.id === user?.id} />
            </RulebookGate>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

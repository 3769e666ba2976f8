import Add from '@mui/icons-material/Add';
import { Box, Button, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../shared/api/queues';
import { can } from '../../../shared/auth/roles';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useSuccessSnackbar } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { QaPoliciesSection } from '../qa/QaPoliciesSection';
import { HeldCasesSection } from './HeldCasesSection';
import { MembersDialog } from './MembersDialog';
import { QueueCard } from './QueueCard';
import { QueueDialog } from './QueueDialog';
import { queueName } from './queueName';
import { RoutingRulesSection } from './RoutingRulesSection';
import { useRefreshQueues } from './useRefreshQueues';

/** Which dialog is open: creating a queue, editing one, or editing one's members. */
type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; queue: QueueView }
  | { kind: 'members'; queue: QueueView }
  | null;

/**
 * Queue administration: the named queues (SLAs, members, automatic assignment, backlog and
 * forecast) and the routing rules that fill them. Everyone may look; team leads may change.
 */
export function QueueAdminPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const canManage = user ? can(user.role, 'queues.manage') : false;
  const query = useQuery(trpc.queues.list.queryOptions());
  const loadError = useTranslatedError(query.error);
  const refresh = useRefreshQueues();
  const { notify, snackbar } = useSuccessSnackbar();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const queues = query.data ?? [];
  const existingIds = useMemo(() => new Set((query.data ?? []).map((q) => q.id)), [query.data]);

  const saved = async (message: string) => {
    await refresh();
    notify(message);
    setDialog(null);
  };

  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('queues.title')}
        </Typography>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<Add />}
            onClick={() => setDialog({ kind: 'create' })}
            disabled={!query.data}
          >
            {t('queues.create')}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('queues.readOnly')}
          </Typography>
        )}
      </Stack>

      {loadError && (
        <LoadErrorAlert onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {t('queues.loadFailed')}: {loadError}
        </LoadErrorAlert>
      )}
      {query.isPending && <LoadingQueues />}
      {query.data && queues.length === 0 && (
        <Typography color="text.secondary">{t(canManage ? 'queues.emptyLead' : 'queues.empty')}</Typography>
      )}
      {queues.length > 0 && (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))', gap: 2 }}>
          {queues.map((queue) => (
            <QueueCard
              key={queue.id}
              queue={queue}
              canManage={canManage}
              notify={notify}
              onEdit={() => setDialog({ kind: 'edit', queue })}
              onEditMembers={() => setDialog({ kind: 'members', queue })}
            />
          ))}
        </Box>
      )}

      {query.data && canManage && <HeldCasesSection queues={queues} />}

      {query.data && user && can(user.role, 'qa.manage') && <QaPoliciesSection queues={queues} notify={notify} />}

      {query.data && <RoutingRulesSection queues={queues} canManage={canManage} notify={notify} />}

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <QueueDialog
          queue={dialog.kind === 'edit' ? dialog.queue : null}
          existingIds={existingIds}
          onClose={() => setDialog(null)}
          onSaved={() => saved(t(dialog.kind === 'create' ? 'queues.created' : 'queues.saved'))}
        />
      )}
      {dialog?.kind === 'members' && (
        <MembersDialog
          queue={dialog.queue}
          onClose={() => setDialog(null)}
          onSaved={() => saved(t('queues.membersSaved', { name: queueName(dialog.queue, i18n.language) }))}
        />
      )}
      {snackbar}
    </Stack>
  );
}

function LoadingQueues() {
  const { t } = useTranslation();
  return (
    <Box
      role="status"
      aria-label={t('common.loading')}
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))', gap: 2 }}
    >
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} variant="rounded" height={220} />
      ))}
    </Box>
  );
}

import Visibility from '@mui/icons-material/Visibility';
import { Box, IconButton, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/roles';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { RevealReasonDialog } from '../case/pii/RevealReasonDialog';

/**
 * An alert's account phone, masked, with an audited reveal for staff allowed to see it. The
 * number lives only in this component's state; seeing it again is another audited reveal.
 */
export function AlertPhone(props: { alertId: number; masked: string | null }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [value, setValue] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  if (!props.masked) return null;
  if (value !== null) return <span data-testid="alert-phone">{value}</span>;
  return (
    <Box component="span" data-testid="alert-phone" sx={{ display: 'inline-flex', alignItems: 'center' }}>
      <span>{props.masked}</span>
      {user && can(user.role, 'pii.reveal') && (
        <Tooltip title={t('pii.revealPhone')}>
          <IconButton size="small" aria-label={t('pii.revealPhone')} onClick={() => setAsking(true)} sx={{ p: 0.25 }}>
            <Visibility fontSize="inherit" />
          </IconButton>
        </Tooltip>
      )}
      {asking && (
        <RevealDialog
          alertId={props.alertId}
          onClose={() => setAsking(false)}
          onRevealed={(revealed) => {
            setAsking(false);
            setValue(revealed);
          }}
        />
      )}
    </Box>
  );
}

function RevealDialog(props: { alertId: number; onRevealed(value: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // gcTime 0: the number must not outlive this dialog in the mutation cache.
  const reveal = useMutation(
    trpc.alerts.revealPhone.mutationOptions({ gcTime: 0, onSuccess: ({ value }) => props.onRevealed(value) }),
  );
  const error = useTranslatedError(reveal.error);
  return (
    <RevealReasonDialog
      title={t('pii.revealPhone')}
      pending={reveal.isPending}
      error={error}
      onSubmit={(reason) => reveal.mutate({ id: props.alertId, reason })}
      onClose={props.onClose}
    />
  );
}

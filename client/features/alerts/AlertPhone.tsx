import Visibility from '@mui/icons-material/Visibility';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  TextField,
  Tooltip,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/auth/roles';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';

/** The server's minimum (alerts.revealPhone), as for subjects' personal data. */
const MIN_REASON_LENGTH = 4;

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
  const titleId = useId();
  const [reason, setReason] = useState('');
  // gcTime 0: the number must not outlive this dialog in the mutation cache.
  const reveal = useMutation(
    trpc.alerts.revealPhone.mutationOptions({ gcTime: 0, onSuccess: ({ value }) => props.onRevealed(value) }),
  );
  const error = useTranslatedError(reveal.error);
  const tooShort = reason.trim().length < MIN_REASON_LENGTH;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort && !reveal.isPending) reveal.mutate({ id: props.alertId, reason: reason.trim() });
  };
  return (
    <Dialog
      open
      onClose={reveal.isPending ? undefined : props.onClose}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('pii.revealPhone')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('pii.dialogText')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            required
            multiline
            minRows={2}
            margin="dense"
            label={t('pii.reason')}
            helperText={t('pii.reasonHint', { min: MIN_REASON_LENGTH })}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={reveal.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={tooShort || reveal.isPending}>
            {t('pii.reveal')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

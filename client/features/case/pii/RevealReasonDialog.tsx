import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The servers' minimum (subjects.revealPii, alerts.revealPhone): a reason too short to say anything is refused. */
export const MIN_REVEAL_REASON_LENGTH = 4;

/**
 * Asks why before revealing one piece of personal data. The caller owns the mutation (the
 * server audits the reveal before answering); this dialog only collects the reason.
 */
export function RevealReasonDialog(props: {
  title: string;
  pending: boolean;
  error: string | null;
  onSubmit(reason: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < MIN_REVEAL_REASON_LENGTH;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort && !props.pending) props.onSubmit(reason.trim());
  };
  return (
    <Dialog open onClose={props.pending ? undefined : props.onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
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
            helperText={t('pii.reasonHint', { min: MIN_REVEAL_REASON_LENGTH })}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {props.error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {props.error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={props.pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={tooShort || props.pending}>
            {t('pii.reveal')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

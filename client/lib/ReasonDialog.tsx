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

/**
 * Asks for the reason an action needs (release, skip, split, revealing personal data) before
 * doing it. The caller owns the mutation and mounts the dialog only while it is asked, so every
 * opening starts with an empty reason. While the request runs the dialog cannot be dismissed,
 * and the server's refusal shows here, not behind the backdrop.
 */
export function ReasonDialog(props: {
  title: string;
  /** What the reason is for, above the field. */
  text?: string;
  label: string;
  hint?: string;
  /** The server's minimum, after trimming. */
  minLength?: number;
  confirmLabel: string;
  pending: boolean;
  error?: string | null;
  onSubmit(reason: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < (props.minLength ?? 1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort && !props.pending) props.onSubmit(reason.trim());
  };
  return (
    <Dialog open onClose={props.pending ? undefined : props.onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
        <DialogContent>
          {props.text && <DialogContentText>{props.text}</DialogContentText>}
          <TextField
            autoFocus
            fullWidth
            required
            multiline
            minRows={2}
            margin="dense"
            label={props.label}
            helperText={props.hint}
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
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

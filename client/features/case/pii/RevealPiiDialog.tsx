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
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PiiField } from '../../../../shared/pii/mask';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';

/** The server's minimum (subjects.revealPii): a reason too short to say anything is refused. */
const MIN_REASON_LENGTH = 4;

/** Asks why, then reveals one personal-data field; the server audits the reveal before answering. */
export function RevealPiiDialog(props: {
  subjectId: string;
  caseId: number;
  field: PiiField;
  onRevealed(value: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const titleId = useId();
  const [reason, setReason] = useState('');
  // gcTime 0: the value must not outlive this dialog in the query client's mutation cache.
  const reveal = useMutation(
    trpc.subjects.revealPii.mutationOptions({ gcTime: 0, onSuccess: ({ value }) => props.onRevealed(value) }),
  );
  const error = useTranslatedError(reveal.error);
  const tooShort = reason.trim().length < MIN_REASON_LENGTH;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooShort || reveal.isPending) return;
    reveal.mutate({ subjectId: props.subjectId, field: props.field, reason: reason.trim(), caseId: props.caseId });
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
        <DialogTitle id={titleId}>
          {props.field === 'phone' ? t('pii.revealPhone') : t('pii.revealAddress')}
        </DialogTitle>
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

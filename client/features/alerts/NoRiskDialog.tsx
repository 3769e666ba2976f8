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
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';

/** "Verified, no risk" on the alerts chosen (one, or a selection under one batch id). */
export function NoRiskDialog(props: { ids: number[]; onDone(count: number): void; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const titleId = useId();
  const [note, setNote] = useState('');
  const mark = useMutation(
    trpc.alerts.markNoRisk.mutationOptions({ onSuccess: ({ handledIds }) => props.onDone(handledIds.length) }),
  );
  const error = useTranslatedError(mark.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mark.isPending) mark.mutate({ ids: props.ids, note: note.trim() || undefined });
  };
  return (
    <Dialog open onClose={mark.isPending ? undefined : props.onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('alerts.noRiskTitle', { count: props.ids.length })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('alerts.noRiskText')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={t('alerts.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={mark.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={mark.isPending}>
            {t('alerts.noRisk')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

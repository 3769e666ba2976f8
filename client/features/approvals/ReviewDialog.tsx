import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Approve (note optional) or send back (note required: the author must learn why). */
export function ReviewDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  noteRequired: boolean;
  busy: boolean;
  error: string | null;
  onCancel(): void;
  onConfirm(note: string): void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (props.open) setNote('');
  }, [props.open]);
  const ready = (!props.noteRequired || note.trim().length > 0) && !props.busy;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) props.onConfirm(note.trim());
  };
  return (
    <Dialog open={props.open} onClose={props.onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={2}
              required={props.noteRequired}
              label={props.noteRequired ? t('approvals.noteRequired') : t('approvals.noteOptional')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
              }}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
            {props.error && <Alert severity="error">{props.error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!ready}>
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

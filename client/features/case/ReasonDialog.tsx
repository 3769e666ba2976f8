import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for the reason an action needs (release, skip, split) before doing it. */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  busy?: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) props.onConfirm(reason.trim());
  };
  return (
    <Dialog open={props.open} onClose={props.onCancel} fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            required
            multiline
            minRows={2}
            margin="dense"
            label={t('case.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!reason.trim() || props.busy}>
            {t('common.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

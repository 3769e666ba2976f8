import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Choice {
  value: string;
  label: string;
}

/** Picks one of `choices` (a reviewer to assign, a queue to route to) and confirms. */
export function ChoiceDialog(props: {
  open: boolean;
  title: string;
  label: string;
  choices: Choice[];
  busy?: boolean;
  onCancel(): void;
  onConfirm(value: string): void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <Dialog open={props.open} onClose={props.onCancel} fullWidth maxWidth="xs">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <TextField
          select
          fullWidth
          margin="dense"
          label={props.label}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        >
          {props.choices.map((c) => (
            <MenuItem key={c.value} value={c.value}>
              {c.label}
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!value || props.busy} onClick={() => props.onConfirm(value)}>
          {t('common.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

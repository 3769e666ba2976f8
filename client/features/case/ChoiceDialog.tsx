import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Choice {
  value: string;
  label: string;
}

/**
 * Picks one of `choices` (a reviewer to assign, a queue to route to) and confirms. Like
 * `ReasonDialog`: mounted only while asked, not dismissable while the request runs, and the
 * server's refusal shows inside it.
 */
export function ChoiceDialog(props: {
  title: string;
  label: string;
  choices: Choice[];
  pending: boolean;
  error?: string | null;
  onClose(): void;
  onSubmit(value: string): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [value, setValue] = useState('');
  return (
    <Dialog open onClose={props.pending ? undefined : props.onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
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
        <Button variant="contained" disabled={!value || props.pending} onClick={() => props.onSubmit(value)}>
          {t('common.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

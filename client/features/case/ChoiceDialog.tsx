import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';

export interface Choice {
  value: string;
  label: string;
}

/** Picks one of `choices` (a reviewer to assign, a queue to route to) and confirms, in the desk's `FormDialog` frame. */
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
  const [value, setValue] = useState('');
  return (
    <FormDialog
      title={props.title}
      pending={props.pending}
      error={props.error}
      confirmLabel={t('common.confirm')}
      incomplete={!value}
      maxWidth="xs"
      onSubmit={() => props.onSubmit(value)}
      onClose={props.onClose}
    >
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
    </FormDialog>
  );
}

import { DialogContentText, TextField } from '@mui/material';
import { useState } from 'react';
import { FormDialog } from './FormDialog';

/**
 * Asks for the reason an action needs (release, skip, split, revealing personal data) or an
 * optional note (`minLength` 0) before doing it, in the desk's `FormDialog` frame: each
 * opening starts with an empty field, and the server's refusal shows inside the dialog.
 */
export function ReasonDialog(props: {
  title: string;
  /** What the reason is for, above the field. */
  text?: string;
  label: string;
  hint?: string;
  /** The server's minimum, after trimming; 0 for an optional note. */
  minLength?: number;
  confirmLabel: string;
  pending: boolean;
  error?: string | null;
  onSubmit(reason: string): void;
  onClose(): void;
}) {
  const [reason, setReason] = useState('');
  const minLength = props.minLength ?? 1;
  return (
    <FormDialog
      title={props.title}
      pending={props.pending}
      error={props.error}
      confirmLabel={props.confirmLabel}
      incomplete={reason.trim().length < minLength}
      onSubmit={() => props.onSubmit(reason.trim())}
      onClose={props.onClose}
    >
      {props.text && <DialogContentText>{props.text}</DialogContentText>}
      <TextField
        autoFocus
        fullWidth
        required={minLength > 0}
        multiline
        minRows={2}
        margin="dense"
        label={props.label}
        helperText={props.hint}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}

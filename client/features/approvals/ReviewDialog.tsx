import { TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';

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
  const incomplete = props.noteRequired && note.trim().length === 0;
  return (
    <FormDialog
      open={props.open}
      title={props.title}
      pending={props.busy}
      error={props.error}
      confirmLabel={props.confirmLabel}
      incomplete={incomplete}
      onSubmit={() => props.onConfirm(note.trim())}
      onClose={props.onCancel}
    >
      <TextField
        autoFocus
        fullWidth
        multiline
        minRows={2}
        required={props.noteRequired}
        label={props.noteRequired ? t('approvals.noteRequired') : t('approvals.noteOptional')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        // A multiline field: Enter sends the form (Shift+Enter breaks the line), as in the other dialogs.
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
          e.preventDefault();
          e.currentTarget.closest('form')?.requestSubmit();
        }}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
    </FormDialog>
  );
}

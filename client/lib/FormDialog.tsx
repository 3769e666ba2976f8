import {
  Alert,
  Button,
  type ButtonProps,
  Dialog,
  DialogActions,
  DialogContent,
  type DialogProps,
  DialogTitle,
} from '@mui/material';
import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of the desk's small confirm dialogs: a title, the fields, the server's refusal
 * inside the dialog (not behind its backdrop), cancel and confirm. The caller owns the
 * mutation and mounts the dialog only while it is asked. While the request runs the dialog
 * cannot be dismissed and confirm does nothing, so a double press never sends twice.
 */
export function FormDialog(props: {
  title: ReactNode;
  pending: boolean;
  error?: string | null;
  confirmLabel: string;
  /** Confirm is greyed out, and Enter does nothing, until the fields are complete. */
  incomplete?: boolean;
  confirmColor?: ButtonProps['color'];
  maxWidth?: DialogProps['maxWidth'];
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const blocked = props.pending || Boolean(props.incomplete);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!blocked) props.onSubmit();
  };
  return (
    <Dialog
      open
      onClose={props.pending ? undefined : props.onClose}
      aria-labelledby={titleId}
      maxWidth={props.maxWidth ?? 'sm'}
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
        <DialogContent>
          {props.children}
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
          <Button type="submit" variant="contained" color={props.confirmColor} disabled={blocked}>
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

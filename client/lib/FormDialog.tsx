import {
  Alert,
  Button,
  type ButtonProps,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  type DialogProps,
  DialogTitle,
  Stack,
} from '@mui/material';
import { type FormEvent, type ReactNode, type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame of every form and confirm dialog of the desk: a title, the fields, the server's
 * refusal inside the dialog (not behind its backdrop), cancel and confirm. The caller owns the
 * mutation. While the request runs the dialog cannot be dismissed and confirm does nothing, so
 * a double press never sends twice; Enter in a field confirms.
 */
export function FormDialog(props: {
  title: ReactNode;
  /** False keeps the dialog mounted but closed (callers that keep state across openings). */
  open?: boolean;
  pending: boolean;
  error?: string | null;
  confirmLabel: string;
  /** Confirm is greyed out, and Enter does nothing, until the fields are complete. */
  incomplete?: boolean;
  confirmColor?: ButtonProps['color'];
  maxWidth?: DialogProps['maxWidth'];
  /** The question of a confirm dialog, above any fields. */
  text?: ReactNode;
  /**
   * For what cannot be undone: cancel, the safe choice, has the focus, so Enter on the opened
   * dialog does not delete or lock someone out by accident.
   */
  focusCancel?: boolean;
  /** Focus or refer to the confirm button (e.g. after a template is picked, Enter confirms). */
  confirmRef?: Ref<HTMLButtonElement>;
  confirmAutoFocus?: boolean;
  confirmTestId?: string;
  /** Replaces "cancel", e.g. "close" once there is nothing to cancel. */
  cancelLabel?: string;
  /** Cancel stays pressable while pending because it stops the request (a download). */
  cancelStops?: boolean;
  onSubmit(): void;
  onClose(): void;
  children?: ReactNode;
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
      open={props.open ?? true}
      onClose={props.pending ? undefined : props.onClose}
      aria-labelledby={titleId}
      maxWidth={props.maxWidth ?? 'sm'}
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {props.text && <DialogContentText>{props.text}</DialogContentText>}
            {props.children}
            {props.error && <Alert severity="error">{props.error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={props.pending && !props.cancelStops} autoFocus={props.focusCancel}>
            {props.cancelLabel ?? t('common.cancel')}
          </Button>
          <Button
            ref={props.confirmRef}
            type="submit"
            variant="contained"
            color={props.confirmColor}
            disabled={blocked}
            autoFocus={props.confirmAutoFocus}
            data-testid={props.confirmTestId}
          >
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

import { Button, Dialog, DialogActions, DialogContent, type DialogProps, DialogTitle } from '@mui/material';
import { type ReactNode, useId } from 'react';

/**
 * The frame of the desk's read-only dialogs (a notice, a delivery's attempts, the shortcut
 * sheet, a batch's result): a title, the content and one button that closes it. Nothing to
 * send, so Escape and the backdrop close it too unless `closeOnlyByButton` (a secret shown once).
 */
export function ViewDialog(props: {
  title: ReactNode;
  /** False keeps the dialog mounted but closed. */
  open?: boolean;
  closeLabel: string;
  /** The one button is the way out and the expected next step: contained, e.g. "done". */
  closeIsPrimary?: boolean;
  closeOnlyByButton?: boolean;
  /** The close button has the focus, so Enter closes (after a result there is nothing else to do). */
  focusClose?: boolean;
  maxWidth?: DialogProps['maxWidth'];
  onClose(): void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Dialog
      open={props.open ?? true}
      onClose={props.closeOnlyByButton ? undefined : props.onClose}
      aria-labelledby={titleId}
      maxWidth={props.maxWidth ?? 'sm'}
      fullWidth
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>{props.children}</DialogContent>
      <DialogActions>
        <Button
          onClick={props.onClose}
          variant={props.closeIsPrimary ? 'contained' : 'text'}
          autoFocus={props.focusClose}
        >
          {props.closeLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

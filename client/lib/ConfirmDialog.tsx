import { FormDialog } from './FormDialog';

/**
 * Asks before something that cannot be undone (deleting a rule, revoking a token); stays open,
 * showing why, if it fails. Cancel has the focus, so Enter does not delete by accident.
 */
export function ConfirmDialog(props: {
  title: string;
  text: string;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}) {
  return (
    <FormDialog
      title={props.title}
      text={props.text}
      pending={props.busy}
      error={props.error}
      confirmLabel={props.confirmLabel}
      confirmColor="error"
      focusCancel
      maxWidth="xs"
      onSubmit={props.onConfirm}
      onClose={props.onClose}
    />
  );
}

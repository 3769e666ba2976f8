import { type ReactNode, useRef, useState } from 'react';
import { FormDialog } from '../../../lib/FormDialog';
import type { DecisionKind } from './decisionKinds';
import { ReasonFields, type ReasonValue } from './ReasonFields';

interface DecisionDialogProps {
  kind: DecisionKind | null;
  title: string;
  confirmLabel: string;
  summary?: ReactNode;
  reason: ReasonValue;
  onReasonChange(next: ReasonValue): void;
  busy: boolean;
  error: string | null;
  onCancel(): void;
  onConfirm(): void;
}

/**
 * Confirms one decision: what it will do (the preview, four-eyes), the reason with its
 * templates, and the button. The reason lives in the panel, so closing the dialog or a
 * refused submit never loses it.
 */
export function DecisionDialog(props: DecisionDialogProps) {
  // Mounted per opening, so each opening decides afresh where the focus goes.
  return props.kind && <DecisionDialogForm {...props} kind={props.kind} />;
}

function DecisionDialogForm(props: DecisionDialogProps & { kind: DecisionKind }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Opened with a reason already there (e.g. after a refused submit): Enter should confirm it,
  // so the button gets the focus; otherwise the template choice does.
  const [hadReason] = useState(() => props.reason.text.trim().length > 0);
  const incomplete = props.reason.text.trim().length === 0;
  const confirm = () => {
    if (!incomplete && !props.busy) props.onConfirm();
  };
  return (
    <FormDialog
      title={props.title}
      pending={props.busy}
      error={props.error}
      confirmLabel={props.confirmLabel}
      incomplete={incomplete}
      confirmRef={confirmRef}
      confirmAutoFocus={hadReason}
      confirmTestId="decision-confirm"
      onSubmit={confirm}
      onClose={props.onCancel}
    >
      {props.summary}
      <ReasonFields
        idPrefix={`decision-${props.kind}`}
        decision={props.kind}
        value={props.reason}
        onChange={props.onReasonChange}
        autoFocus={!hadReason}
        // After the menu closes and gives focus back to the select, move it on to confirm.
        onTemplatePicked={() => setTimeout(() => confirmRef.current?.focus(), 0)}
        onSubmit={confirm}
      />
    </FormDialog>
  );
}

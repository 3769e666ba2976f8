import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  return (
    <Dialog open={props.kind !== null} onClose={props.onCancel} fullWidth maxWidth="sm">
      {props.kind && <DecisionDialogForm {...props} kind={props.kind} />}
    </Dialog>
  );
}

function DecisionDialogForm(props: DecisionDialogProps & { kind: DecisionKind }) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Opened with a reason already there (e.g. after a refused submit): Enter should confirm it,
  // so the button gets the focus; otherwise the template choice does.
  const [hadReason] = useState(() => props.reason.text.trim().length > 0);
  const ready = props.reason.text.trim().length > 0 && !props.busy;
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (ready) props.onConfirm();
  };
  return (
    <form onSubmit={submit} aria-label={props.title}>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {props.summary}
          <ReasonFields
            idPrefix={`decision-${props.kind}`}
            decision={props.kind}
            value={props.reason}
            onChange={props.onReasonChange}
            autoFocus={!hadReason}
            // After the menu closes and gives focus back to the select, move it on to confirm.
            onTemplatePicked={() => setTimeout(() => confirmRef.current?.focus(), 0)}
            onSubmit={submit}
          />
          {props.error && <Alert severity="error">{props.error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        <Button
          ref={confirmRef}
          type="submit"
          variant="contained"
          disabled={!ready}
          autoFocus={hadReason}
          data-testid="decision-confirm"
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </form>
  );
}

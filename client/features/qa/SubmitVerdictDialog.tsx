import { Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';
import { LabeledField } from '../../lib/LabeledField';
import { VerdictWorth, type Worth } from './VerdictWorth';
import type { VerdictKind } from './verdictForm';

/** Asks before a verdict is submitted: it is final, and it is scored against the first decision. */
export function SubmitVerdictDialog(props: {
  taskId: number;
  open: boolean;
  kind: VerdictKind | null;
  ruleName: string | null;
  worth: Worth | null;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  if (!props.open || !props.kind) return null;
  return (
    <FormDialog
      title={t('qa.verdict.confirmTitle', { id: props.taskId })}
      text={t('qa.verdict.confirmText')}
      pending={props.busy}
      error={props.error}
      confirmLabel={t('qa.verdict.confirm')}
      confirmAutoFocus
      confirmTestId="qa-verdict-confirm"
      onSubmit={props.onConfirm}
      onClose={props.onClose}
    >
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <LabeledField label={t('qa.verdict.kind')}>{t(`qa.verdict.kinds.${props.kind}`)}</LabeledField>
        {props.ruleName && <LabeledField label={t('qa.verdict.rule')}>{props.ruleName}</LabeledField>}
      </Stack>
      {props.worth && <VerdictWorth worth={props.worth} />}
    </FormDialog>
  );
}

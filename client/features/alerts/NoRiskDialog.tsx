import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';

/** "Verified, no risk" on the alerts chosen (one, or a selection under one batch id), with an optional note. */
export function NoRiskDialog(props: { ids: number[]; onDone(count: number): void; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const mark = useMutation(
    trpc.alerts.markNoRisk.mutationOptions({ onSuccess: ({ handledIds }) => props.onDone(handledIds.length) }),
  );
  const error = useTranslatedError(mark.error);
  return (
    <ReasonDialog
      title={t('alerts.noRiskTitle', { count: props.ids.length })}
      text={t('alerts.noRiskText')}
      label={t('alerts.note')}
      minLength={0}
      confirmLabel={t('alerts.noRisk')}
      pending={mark.isPending}
      error={error}
      onSubmit={(note) => mark.mutate({ ids: props.ids, note: note || undefined })}
      onClose={props.onClose}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { MIN_REVEAL_REASON_LENGTH } from '../../../../shared/pii/mask';
import { ReasonDialog } from '../../../lib/ReasonDialog';

/**
 * Asks why before revealing one piece of personal data, with the server's minimum for the
 * reason. The caller owns the mutation (the server audits the reveal before answering).
 */
export function RevealReasonDialog(props: {
  title: string;
  pending: boolean;
  error: string | null;
  onSubmit(reason: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      {...props}
      text={t('pii.dialogText')}
      label={t('pii.reason')}
      hint={t('pii.reasonHint', { min: MIN_REVEAL_REASON_LENGTH })}
      minLength={MIN_REVEAL_REASON_LENGTH}
      confirmLabel={t('pii.reveal')}
    />
  );
}

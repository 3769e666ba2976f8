import { useTranslation } from 'react-i18next';
import { ShownOnceDialog } from '../../lib/ShownOnceDialog';

/** New recovery codes, one per line, shown this once (the desk keeps only their hashes). */
export function RecoveryCodesDialog(props: { codes: string[]; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ShownOnceDialog
      value={props.codes.join('\n')}
      texts={{
        title: t('recoveryCodes.title'),
        text: t('recoveryCodes.text', { count: props.codes.length }),
        copy: t('recoveryCodes.copy'),
        copied: t('recoveryCodes.copied'),
        done: t('recoveryCodes.done'),
      }}
      testId="recovery-codes"
      onClose={props.onClose}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { ShownOnceDialog, shownOnceTexts } from '../../lib/ShownOnceDialog';

/** New recovery codes, one per line, shown this once (the desk keeps only their hashes). */
export function RecoveryCodesDialog(props: { codes: string[]; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ShownOnceDialog
      value={props.codes.join('\n')}
      texts={shownOnceTexts(t, 'recoveryCodes', { count: props.codes.length })}
      testId="recovery-codes"
      onClose={props.onClose}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';

/**
 * Asks before ending every session of the signed-in user, this one included. On success the
 * session is gone and the login page replaces everything, this dialog too.
 */
export function SignOutEverywhereDialog(props: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { logoutEverywhere } = useSession();
  const error = useTranslatedError(logoutEverywhere.error);
  const close = () => {
    logoutEverywhere.reset();
    props.onClose();
  };
  return (
    <FormDialog
      open={props.open}
      title={t('userMenu.logoutEverywhereTitle')}
      text={t('userMenu.logoutEverywhereText')}
      pending={logoutEverywhere.isPending}
      error={error}
      confirmLabel={t('userMenu.logoutEverywhereConfirm')}
      confirmColor="error"
      focusCancel
      maxWidth="xs"
      onSubmit={() => logoutEverywhere.mutate()}
      onClose={close}
    />
  );
}

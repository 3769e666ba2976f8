import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';

/** Asks before ending every session of the signed-in user, this one included. */
export function SignOutEverywhereDialog(props: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { logoutEverywhere } = useSession();
  const error = useTranslatedError(logoutEverywhere.error);
  const busy = logoutEverywhere.isPending;
  const close = () => {
    logoutEverywhere.reset();
    props.onClose();
  };
  return (
    <Dialog open={props.open} onClose={busy ? undefined : close} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{t('userMenu.logoutEverywhereTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('userMenu.logoutEverywhereText')}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy} autoFocus>
          {t('common.cancel')}
        </Button>
        {/* On success the session is gone and the login page replaces everything, this dialog too. */}
        <Button color="error" variant="contained" disabled={busy} onClick={() => logoutEverywhere.mutate()}>
          {t('userMenu.logoutEverywhereConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

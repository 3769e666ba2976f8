import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import type { StaffMember } from './staffTypes';

/** Asks before disabling (or enabling again) a staff member; stays open, showing why, if refused. */
export function StaffAccessDialog(props: { member: StaffMember; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const titleId = useId();
  const disabling = !props.member.disabled;
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: props.onDone }));
  const error = useTranslatedError(setDisabled.error);
  const name = props.member.displayName;
  return (
    <Dialog
      open
      onClose={setDisabled.isPending ? undefined : props.onClose}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id={titleId}>
        {disabling ? t('admin.staff.disableTitle', { name }) : t('admin.staff.enableTitle', { name })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{disabling ? t('admin.staff.disableText') : t('admin.staff.enableText')}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {/* The safe choice has the focus, so Enter does not lock someone out by accident. */}
        <Button onClick={props.onClose} disabled={setDisabled.isPending} autoFocus>
          {t('admin.staff.cancel')}
        </Button>
        <Button
          variant="contained"
          color={disabling ? 'error' : 'primary'}
          disabled={setDisabled.isPending}
          onClick={() => setDisabled.mutate({ userId: props.member.id, disabled: disabling })}
        >
          {disabling ? t('admin.staff.disable') : t('admin.staff.enable')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

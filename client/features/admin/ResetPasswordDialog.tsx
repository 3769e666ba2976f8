import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { PasswordFields } from './PasswordFields';
import { checkNewPassword } from './passwordCheck';
import type { StaffMember } from './staffTypes';

/** Sets a new password for a staff member; the server ends their sessions. Stays open on refusal. */
export function ResetPasswordDialog(props: { member: StaffMember; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const titleId = useId();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: props.onDone }));
  const serverError = useTranslatedError(reset.error);
  const problem = checkNewPassword(password, repeated);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!problem) reset.mutate({ userId: props.member.id, password });
  };

  return (
    <Dialog
      open
      onClose={reset.isPending ? undefined : props.onClose}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('admin.staff.resetTitle', { name: props.member.displayName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{t('admin.staff.resetText')}</DialogContentText>
            <PasswordFields
              label={t('admin.staff.fields.newPassword')}
              password={password}
              repeated={repeated}
              problem={problem}
              showProblem={submitted}
              onPassword={setPassword}
              onRepeated={setRepeated}
            />
            {serverError && <Alert severity="error">{serverError}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={reset.isPending}>
            {t('admin.staff.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={reset.isPending}>
            {t('admin.staff.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

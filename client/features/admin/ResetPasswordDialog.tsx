import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import type { StaffMember } from './staffTypes';
import { useNewPassword } from './useNewPassword';

/** Sets a new password for a staff member; the server ends their sessions. Stays open on refusal. */
export function ResetPasswordDialog(props: { member: StaffMember; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const newPassword = useNewPassword(t('admin.staff.fields.newPassword'));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: props.onDone }));
  const serverError = useTranslatedError(reset.error);

  const submit = () => {
    newPassword.markSubmitted();
    if (!newPassword.problem) reset.mutate({ userId: props.member.id, password: newPassword.password });
  };

  return (
    <FormDialog
      title={t('admin.staff.resetTitle', { name: props.member.displayName })}
      text={t('admin.staff.resetText')}
      pending={reset.isPending}
      error={serverError}
      confirmLabel={t('admin.staff.save')}
      maxWidth="xs"
      onSubmit={submit}
      onClose={props.onClose}
    >
      {newPassword.fields}
    </FormDialog>
  );
}

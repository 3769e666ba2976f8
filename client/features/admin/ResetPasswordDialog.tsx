import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { PasswordFields } from './PasswordFields';
import { checkNewPassword } from './passwordCheck';
import type { StaffMember } from './staffTypes';

/** Sets a new password for a staff member; the server ends their sessions. Stays open on refusal. */
export function ResetPasswordDialog(props: { member: StaffMember; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: props.onDone }));
  const serverError = useTranslatedError(reset.error);
  const problem = checkNewPassword(password, repeated);

  const submit = () => {
    setSubmitted(true);
    if (!problem) reset.mutate({ userId: props.member.id, password });
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
      <PasswordFields
        label={t('admin.staff.fields.newPassword')}
        password={password}
        repeated={repeated}
        problem={problem}
        showProblem={submitted}
        onPassword={setPassword}
        onRepeated={setRepeated}
      />
    </FormDialog>
  );
}

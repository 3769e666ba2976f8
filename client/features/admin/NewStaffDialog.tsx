import { TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/roles';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { RoleSelect } from './RoleSelect';
import { useNewPassword } from './useNewPassword';

/** Creates a staff account. The username rules and the password blocklist live on the server. */
export function NewStaffDialog(props: {
  onClose(): void;
  onCreated(displayName: string, pendingApproval: boolean): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  // The least-privileged role that can work cases: raising it is a deliberate choice.
  const [role, setRole] = useState<Role>('reviewer');
  const newPassword = useNewPassword(t('admin.staff.fields.password'));
  const { password, problem, submitted } = newPassword;
  const create = useMutation(trpc.users.create.mutationOptions());
  const serverError = useTranslatedError(create.error);
  const missingUsername = !username.trim();
  const missingName = !displayName.trim();

  const submit = () => {
    newPassword.markSubmitted();
    if (problem || missingUsername || missingName) return;
    const name = displayName.trim();
    create.mutate(
      { username: username.trim(), displayName: name, role, password },
      // A privileged role gives a grant for another admin to approve, not an account yet.
      { onSuccess: (result) => props.onCreated(name, result.grantId !== null) },
    );
  };

  return (
    <FormDialog
      title={t('admin.staff.newTitle')}
      pending={create.isPending}
      error={serverError}
      confirmLabel={t('admin.staff.create')}
      maxWidth="xs"
      onSubmit={submit}
      onClose={props.onClose}
    >
      <TextField
        label={t('admin.staff.fields.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
        autoFocus
        autoComplete="off"
        error={submitted && missingUsername}
        helperText={submitted && missingUsername ? t('admin.staff.required') : t('admin.staff.usernameHint')}
        slotProps={{ htmlInput: { maxLength: 40, spellCheck: false, autoCapitalize: 'off' } }}
      />
      <TextField
        label={t('admin.staff.fields.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        required
        error={submitted && missingName}
        helperText={submitted && missingName ? t('admin.staff.required') : undefined}
        slotProps={{ htmlInput: { maxLength: 60 } }}
      />
      <RoleSelect label={t('admin.staff.fields.role')} value={role} onChange={setRole} fullWidth />
      {newPassword.fields}
    </FormDialog>
  );
}

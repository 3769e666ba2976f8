import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/roles';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { PasswordFields } from './PasswordFields';
import { checkNewPassword } from './passwordCheck';
import { RoleSelect } from './RoleSelect';

/** Creates a staff account. The username rules and the password blocklist live on the server. */
export function NewStaffDialog(props: {
  onClose(): void;
  onCreated(displayName: string, pendingApproval: boolean): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const titleId = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  // The least-privileged role that can work cases: raising it is a deliberate choice.
  const [role, setRole] = useState<Role>('reviewer');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const create = useMutation(trpc.users.create.mutationOptions());
  const serverError = useTranslatedError(create.error);
  const problem = checkNewPassword(password, repeated);
  const missingUsername = !username.trim();
  const missingName = !displayName.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problem || missingUsername || missingName) return;
    const name = displayName.trim();
    create.mutate(
      { username: username.trim(), displayName: name, role, password },
      // A privileged role gives a grant for another admin to approve, not an account yet.
      { onSuccess: (result) => props.onCreated(name, result.grantId !== null) },
    );
  };

  return (
    <Dialog
      open
      onClose={create.isPending ? undefined : props.onClose}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('admin.staff.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
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
            <PasswordFields
              label={t('admin.staff.fields.password')}
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
          <Button onClick={props.onClose} disabled={create.isPending}>
            {t('admin.staff.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={create.isPending}>
            {t('admin.staff.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

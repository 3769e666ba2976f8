import PersonAdd from '@mui/icons-material/PersonAdd';
import { Alert, Box, Button, Snackbar, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '../../../shared/auth/roles';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/useNow';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { NewStaffDialog } from './NewStaffDialog';
import { PendingGrants } from './PendingGrants';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { RoleChangeDialog } from './RoleChangeDialog';
import { StaffAccessDialog } from './StaffAccessDialog';
import { StaffGrid } from './StaffGrid';
import type { StaffMember } from './staffTypes';
import { useRefreshStaff } from './useRefreshStaff';

/** Staff administration (`/admin/staff`), for those who may manage users. */
export function StaffPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  // The nav hides the page from others; a typed-in URL gets a sentence instead of a failed request.
  if (!user || !can(user.role, 'users.manage')) return <Alert severity="warning">{t('admin.staff.forbidden')}</Alert>;
  return <StaffAdministration selfId={user.id} />;
}

type OpenDialog =
  | { kind: 'new' }
  | { kind: 'access' | 'password'; member: StaffMember }
  | { kind: 'role'; member: StaffMember; role: Role }
  | null;

function StaffAdministration({ selfId }: { selfId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshStaff();
  const now = useNow(30_000);
  const staff = useQuery(trpc.users.list.queryOptions());
  const loadError = useTranslatedError(staff.error);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // A role picked in a row's select is only asked about; the dialog changes it.
  const onRoleChange = useCallback((member: StaffMember, role: Role) => setDialog({ kind: 'role', member, role }), []);
  const onToggleAccess = useCallback((member: StaffMember) => setDialog({ kind: 'access', member }), []);
  const onResetPassword = useCallback((member: StaffMember) => setDialog({ kind: 'password', member }), []);
  const finish = (message: string) => {
    setDialog(null);
    setNotice(message);
    void refresh();
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('admin.staff.title')}
        </Typography>
        <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setDialog({ kind: 'new' })}>
          {t('admin.staff.new')}
        </Button>
      </Stack>
      {loadError && (
        <LoadErrorAlert onRetry={() => void staff.refetch()}>
          {t('admin.staff.loadFailed')}: {loadError}
        </LoadErrorAlert>
      )}
      <PendingGrants selfId={selfId} staff={staff.data ?? []} onDecided={(message) => finish(message)} />
      <Box sx={{ height: 'calc(100vh - 180px)', minHeight: 360 }}>
        <StaffGrid
          rows={staff.data ?? []}
          loading={staff.isPending && !staff.error}
          selfId={selfId}
          pendingRoleOf={dialog?.kind === 'role' ? dialog.member.id : null}
          now={now}
          onRoleChange={onRoleChange}
          onToggleAccess={onToggleAccess}
          onResetPassword={onResetPassword}
        />
      </Box>
      {dialog?.kind === 'new' && (
        <NewStaffDialog
          onClose={() => setDialog(null)}
          onCreated={(name, pending) =>
            finish(t(pending ? 'admin.staff.createRequested' : 'admin.staff.created', { name }))
          }
        />
      )}
      {dialog?.kind === 'access' && (
        <StaffAccessDialog
          member={dialog.member}
          onClose={() => setDialog(null)}
          onDone={() => {
            const name = dialog.member.displayName;
            finish(dialog.member.disabled ? t('admin.staff.enabled', { name }) : t('admin.staff.disabled', { name }));
          }}
        />
      )}
      {dialog?.kind === 'role' && (
        <RoleChangeDialog
          member={dialog.member}
          role={dialog.role}
          onClose={() => setDialog(null)}
          onDone={(pending) =>
            finish(
              t(pending ? 'admin.staff.roleRequested' : 'admin.staff.roleChanged', {
                name: dialog.member.displayName,
                role: t(`role.${dialog.role}`),
              }),
            )
          }
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordDialog
          member={dialog.member}
          onClose={() => setDialog(null)}
          onDone={() => finish(t('admin.staff.passwordReset', { name: dialog.member.displayName }))}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={(_event, reason) => reason !== 'clickaway' && setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity="success" variant="filled" onClose={() => setNotice(null)} data-testid="staff-notice">
          {notice}
        </Alert>
      </Snackbar>
    </Stack>
  );
}

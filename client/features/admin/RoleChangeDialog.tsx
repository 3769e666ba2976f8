import { DialogContentText } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/roles';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import type { StaffMember } from './staffTypes';

/**
 * Asks before changing a staff member's role: picking from the row's select alone must not
 * change what someone may do. Stays open, showing why, if the server refuses.
 */
export function RoleChangeDialog(props: {
  member: StaffMember;
  role: Role;
  onClose(): void;
  onDone(pending: boolean): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({ onSuccess: (result) => props.onDone(result.pending) }),
  );
  const error = useTranslatedError(setRole.error);
  const name = props.member.displayName;
  return (
    <FormDialog
      title={t('admin.staff.roleChangeTitle', { name })}
      pending={setRole.isPending}
      error={error}
      confirmLabel={t('admin.staff.roleChangeConfirm')}
      maxWidth="xs"
      onClose={props.onClose}
      onSubmit={() => setRole.mutate({ userId: props.member.id, role: props.role })}
    >
      <DialogContentText>
        {t('admin.staff.roleChangeText', {
          name,
          from: t(`role.${props.member.role}`),
          to: t(`role.${props.role}`),
        })}
      </DialogContentText>
    </FormDialog>
  );
}

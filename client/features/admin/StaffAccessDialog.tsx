import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import type { StaffMember } from './staffTypes';

/** Asks before disabling (or enabling again) a staff member; stays open, showing why, if refused. */
export function StaffAccessDialog(props: { member: StaffMember; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const disabling = !props.member.disabled;
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: props.onDone }));
  const error = useTranslatedError(setDisabled.error);
  const name = props.member.displayName;
  return (
    <FormDialog
      title={disabling ? t('admin.staff.disableTitle', { name }) : t('admin.staff.enableTitle', { name })}
      text={disabling ? t('admin.staff.disableText') : t('admin.staff.enableText')}
      pending={setDisabled.isPending}
      error={error}
      confirmLabel={disabling ? t('admin.staff.disable') : t('admin.staff.enable')}
      confirmColor={disabling ? 'error' : 'primary'}
      // Cancel has the focus, so Enter does not lock someone out by accident.
      focusCancel
      maxWidth="xs"
      onSubmit={() => setDisabled.mutate({ userId: props.member.id, disabled: disabling })}
      onClose={props.onClose}
    />
  );
}

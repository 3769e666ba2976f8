import { Alert, Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../shared/api/queues';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { queueName } from './queueName';

type Member = Omit<QueueView['members'][number], 'byRole'>;

/** Picks a queue's members from the staff directory. */
export function MembersDialog(props: { queue: QueueView; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const directory = useQuery(trpc.users.directory.queryOptions());
  // Members by role (the escalations queue's leads) are not on the list: they belong anyway.
  const listed = useMemo(() => props.queue.members.filter((m) => !m.byRole), [props.queue.members]);
  const [members, setMembers] = useState<Member[]>(listed);
  const save = useMutation(trpc.queues.setMembers.mutationOptions());
  const directoryError = useTranslatedError(directory.error);
  const saveError = useTranslatedError(save.error);

  // The directory lists active staff only; a disabled member stays listed so saving keeps them
  // unless the lead removes them on purpose.
  const options = useMemo(() => {
    const active = directory.data ?? [];
    const activeIds = new Set(active.map((u) => u.id));
    const byRole = new Set(props.queue.members.filter((m) => m.byRole).map((m) => m.id));
    return [...active.filter((u) => !byRole.has(u.id)), ...listed.filter((m) => !activeIds.has(m.id))];
  }, [directory.data, props.queue.members, listed]);

  const submit = () => {
    save.mutate({ queueId: props.queue.id, userIds: members.map((m) => m.id) }, { onSuccess: () => props.onSaved() });
  };

  return (
    <FormDialog
      title={t('queues.membersDialog.title', { name: queueName(props.queue, i18n.language) })}
      pending={save.isPending}
      error={saveError}
      confirmLabel={t(save.isPending ? 'queues.saving' : 'queues.save')}
      incomplete={directory.isPending}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Autocomplete
        multiple
        options={options}
        value={members}
        onChange={(_e, next) => setMembers(next)}
        loading={directory.isPending}
        getOptionLabel={(u) => u.displayName}
        getOptionKey={(u) => u.id}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        filterSelectedOptions
        renderOption={({ key, ...optionProps }, u) => (
          <Box component="li" key={key} {...optionProps}>
            {u.displayName}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {t(`role.${u.role}`, { defaultValue: u.role })}
            </Typography>
          </Box>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            autoFocus
            label={t('queues.membersDialog.label')}
            placeholder={t('queues.membersDialog.placeholder')}
          />
        )}
      />
      {props.queue.memberRole && (
        <Typography variant="body2" color="text.secondary">
          {t('queues.membersByRole', { role: t(`role.${props.queue.memberRole}`, { defaultValue: '' }) })}
        </Typography>
      )}
      {directoryError && (
        <Alert severity="error">
          {t('queues.membersDialog.directoryFailed')}: {directoryError}
        </Alert>
      )}
    </FormDialog>
  );
}

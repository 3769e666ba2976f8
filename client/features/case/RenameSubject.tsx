import { Button, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { can } from '../../../shared/auth/roles';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';

/**
 * Corrects the subject's name, with a reason (audited): intake keeps the name each report
 * gave on the report and never renames the subject itself.
 */
export function RenameSubject({ subject }: { subject: CaseDetail['subject'] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const rename = useMutation(
    trpc.subjects.rename.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
    }),
  );
  const error = useTranslatedError(rename.error);
  if (!user || !can(user.role, 'subjects.rename')) return null;
  const start = () => {
    setName(subject.name ?? '');
    setReason('');
    rename.reset();
    setOpen(true);
  };
  return (
    <>
      <Button size="small" onClick={start}>
        {t('case.renameSubject')}
      </Button>
      {open && (
        <FormDialog
          title={t('case.renameSubject')}
          pending={rename.isPending}
          error={error}
          confirmLabel={t('case.renameSubjectConfirm')}
          incomplete={!name.trim() || !reason.trim()}
          onSubmit={() => rename.mutate({ id: subject.id, name: name.trim(), reason: reason.trim() })}
          onClose={() => setOpen(false)}
        >
          <TextField
            autoFocus
            fullWidth
            required
            margin="dense"
            label={t('case.subjectName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField
            fullWidth
            required
            multiline
            minRows={2}
            margin="dense"
            label={t('case.renameReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </FormDialog>
      )}
    </>
  );
}

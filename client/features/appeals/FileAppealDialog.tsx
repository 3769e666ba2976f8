import { TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { refreshAfterAppealChange } from './useLiveAppealChanges';

/**
 * Staff enter an appeal (or the evidence the member was asked for) on the member's behalf, e.g.
 * one received by phone: a statement and, optionally, one text item of evidence.
 */
export function FileAppealDialog(props: { caseId: number; open: boolean; answering: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [statement, setStatement] = useState('');
  const [evidenceTitle, setEvidenceTitle] = useState('');
  const [evidenceText, setEvidenceText] = useState('');
  const submit = useMutation(
    trpc.appeals.submit.mutationOptions({
      onSuccess: () => {
        setStatement('');
        setEvidenceTitle('');
        setEvidenceText('');
        props.onClose();
        void refreshAfterAppealChange(queryClient, trpc);
      },
    }),
  );
  const errorText = useTranslatedError(submit.error);
  const close = () => {
    submit.reset();
    props.onClose();
  };
  const onSubmit = () => {
    const text = evidenceText.trim();
    submit.mutate({
      caseId: props.caseId,
      statement: statement.trim(),
      ...(text
        ? {
            evidence: [
              { kind: 'text' as const, title: evidenceTitle.trim() || t('appeals.file.evidenceTitleDefault'), text },
            ],
          }
        : {}),
    });
  };
  return (
    <FormDialog
      open={props.open}
      title={props.answering ? t('appeals.file.answerTitle') : t('appeals.file.title')}
      pending={submit.isPending}
      error={errorText}
      confirmLabel={t('appeals.file.submit')}
      incomplete={!statement.trim()}
      onSubmit={onSubmit}
      onClose={close}
    >
      <TextField
        autoFocus
        required
        multiline
        minRows={3}
        label={t('appeals.file.statement')}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 5000 } }}
      />
      <TextField
        label={t('appeals.file.evidenceTitle')}
        value={evidenceTitle}
        onChange={(e) => setEvidenceTitle(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <TextField
        multiline
        minRows={2}
        label={t('appeals.file.evidenceText')}
        value={evidenceText}
        onChange={(e) => setEvidenceText(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 20_000 } }}
      />
    </FormDialog>
  );
}

import { Button, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { can } from '../../../shared/auth/roles';
import { OPEN_CASE_STATUSES } from '../../../shared/cases/enums';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { type VerdictDraft, VerdictFields, verdictOf } from './VerdictFields';

const OPEN = new Set<string>(OPEN_CASE_STATUSES);

/** "Mark as gold" on a decided case, for leads (`qa.manage`): the expected verdict, then confirm. */
export function MarkGoldButton({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  if (!user || !can(user.role, 'qa.manage') || OPEN.has(c.status)) return null;
  return (
    <>
      <Stack direction="row">
        <Button variant="outlined" onClick={() => setOpen(true)} data-testid="mark-gold">
          {t('qaGold.mark.button')}
        </Button>
      </Stack>
      {open && <MarkGoldDialog c={c} onClose={() => setOpen(false)} />}
    </>
  );
}

function MarkGoldDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<VerdictDraft>({ decision: 'apply', facts: '' });
  const [note, setNote] = useState('');
  const mark = useMutation(
    trpc.qa.gold.mark.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.qa.gold.pathKey() });
        onClose();
      },
    }),
  );
  const error = useTranslatedError(mark.error);
  const expected = verdictOf(c.rule, draft);
  return (
    <FormDialog
      title={t('qaGold.mark.title')}
      text={t('qaGold.mark.intro')}
      pending={mark.isPending}
      error={error}
      confirmLabel={t('qaGold.mark.confirm')}
      incomplete={!expected}
      onSubmit={() =>
        expected && mark.mutate({ caseId: c.id, expected, ...(note.trim() ? { note: note.trim() } : {}) })
      }
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <VerdictFields
          rule={c.rule}
          value={draft}
          onChange={setDraft}
          decisionLabel={t('qaGold.mark.decision')}
          ruleLabel={t('qaGold.mark.rule')}
          factsLabel={t('qaGold.mark.facts')}
          idPrefix="gold"
        />
        <TextField
          label={t('qaGold.mark.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
      </Stack>
    </FormDialog>
  );
}

import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../lib/ConfirmDialog';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { useSession } from '../../auth/useSession';
import { isLocalDate } from './fieldChecks';
import { nextDay } from './NewVersionDialog';
import type { DraftEditor } from './useDraftEditor';

/**
 * Publishing under four eyes: the author picks the effective date (today or later) and asks;
 * a different admin approves. The requester sees the approve button greyed out, with the reason.
 */
export function PublishPanel({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const { draft } = editor;
  if (!draft) return null;
  return (
    <Stack spacing={2} sx={{ pt: 2 }} data-testid="draft-publish">
      <Typography variant="h6" component="h2">
        {t('rulebookAuthoring.publish.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('rulebookAuthoring.publish.intro')}
      </Typography>
      {draft.status === 'draft' && <RequestPublication editor={editor} />}
      {draft.status === 'pending_approval' && <Approval editor={editor} />}
      {draft.status === 'published' && (
        <Alert severity="success">
          {t('rulebookAuthoring.publish.published', { version: draft.publishedVersion, date: draft.effectiveFrom })}
        </Alert>
      )}
      {(draft.status === 'draft' || draft.status === 'pending_approval') && <DiscardDraft editor={editor} />}
    </Stack>
  );
}

function useRefreshDrafts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.rulebook.pathKey() });
  };
}

function RequestPublication({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshDrafts();
  const [date, setDate] = useState(() => nextDay(editor.today));
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation(
    trpc.rulebook.drafts.publish.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
      },
    }),
  );
  const errorText = useTranslatedError(publish.error);
  const problem = !isLocalDate(date)
    ? t('rulebookAuthoring.issues.date')
    : date < editor.today
      ? t('rulebookAuthoring.publish.notPast', { today: editor.today })
      : null;
  const blocked = editor.dirty
    ? t('rulebookAuthoring.publish.unsavedFirst')
    : editor.localIssues.length + editor.serverIssues.length > 0
      ? t('rulebookAuthoring.publish.invalidFirst')
      : null;
  return (
    <>
      {blocked && <Alert severity="warning">{blocked}</Alert>}
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField
          type="date"
          size="small"
          label={t('rulebookAuthoring.publish.effectiveFrom')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={Boolean(problem)}
          helperText={problem}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: editor.today } }}
        />
        <Button variant="contained" disabled={Boolean(problem) || Boolean(blocked)} onClick={() => setConfirming(true)}>
          {t('rulebookAuthoring.publish.request')}
        </Button>
      </Stack>
      {confirming && (
        <ConfirmDialog
          title={t('rulebookAuthoring.publish.confirmTitle')}
          text={t('rulebookAuthoring.publish.confirmText', { date })}
          confirmLabel={t('rulebookAuthoring.publish.request')}
          busy={publish.isPending}
          error={errorText}
          onConfirm={() => editor.draft && publish.mutate({ id: editor.draft.id, effectiveFrom: date })}
          onClose={() => {
            setConfirming(false);
            publish.reset();
          }}
        />
      )}
    </>
  );
}

function Approval({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const refresh = useRefreshDrafts();
  const [confirming, setConfirming] = useState(false);
  const approve = useMutation(
    trpc.rulebook.drafts.approve.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
      },
    }),
  );
  const errorText = useTranslatedError(approve.error);
  const draft = editor.draft;
  if (!draft) return null;
  const own = Boolean(user && draft.publishRequestedBy && user.id === draft.publishRequestedBy.id);
  return (
    <>
      <Alert severity="warning" data-testid="draft-waiting">
        {t('rulebookAuthoring.publish.waiting', {
          name: draft.publishRequestedBy?.name ?? '',
          date: draft.effectiveFrom ?? '',
        })}
      </Alert>
      <Box>
        <Button
          variant="contained"
          color="success"
          disabled={own}
          aria-describedby={own ? 'draft-own-request' : undefined}
          onClick={() => setConfirming(true)}
        >
          {t('rulebookAuthoring.publish.approve')}
        </Button>
        {own && (
          <Typography id="draft-own-request" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('rulebookAuthoring.publish.ownRequest')}
          </Typography>
        )}
      </Box>
      {confirming && (
        <ConfirmDialog
          title={t('rulebookAuthoring.publish.approveTitle')}
          text={t('rulebookAuthoring.publish.approveText', { date: draft.effectiveFrom ?? '' })}
          confirmLabel={t('rulebookAuthoring.publish.approve')}
          busy={approve.isPending}
          error={errorText}
          onConfirm={() => approve.mutate({ id: draft.id })}
          onClose={() => {
            setConfirming(false);
            approve.reset();
          }}
        />
      )}
    </>
  );
}

function DiscardDraft({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshDrafts();
  const [confirming, setConfirming] = useState(false);
  const discard = useMutation(
    trpc.rulebook.drafts.discard.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
      },
    }),
  );
  const errorText = useTranslatedError(discard.error);
  return (
    <Box sx={{ pt: 2 }}>
      <Button color="error" onClick={() => setConfirming(true)}>
        {t('rulebookAuthoring.editor.discard')}
      </Button>
      {confirming && editor.draft && (
        <ConfirmDialog
          title={t('rulebookAuthoring.editor.discardTitle')}
          text={t('rulebookAuthoring.editor.discardText')}
          confirmLabel={t('rulebookAuthoring.editor.discard')}
          busy={discard.isPending}
          error={errorText}
          onConfirm={() => editor.draft && discard.mutate({ id: editor.draft.id })}
          onClose={() => setConfirming(false)}
        />
      )}
    </Box>
  );
}

import { Alert, Button, Divider, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteTargetInput, NoteView } from '../../../shared/api/notes';
import { can } from '../../../shared/auth/roles';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/useNow';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { NoteEditor } from './NoteEditor';
import { NoteText } from './NoteText';

/**
 * The internal notes on a case or a subject: the thread, oldest first, and a field to add one
 * (with @mentions). The author may edit a note for ten minutes; the server enforces it, the
 * panel only stops offering it.
 */
export function NotesPanel({ target }: { target: NoteTargetInput }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const notes = useQuery(trpc.notes.list.queryOptions({ target }));
  const [text, setText] = useState('');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notes.list.pathKey() }),
      // The case's detail and history show notes too.
      queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
    ]);
  const add = useMutation(
    trpc.notes.add.mutationOptions({
      onSuccess: () => {
        setText('');
        void refresh();
      },
    }),
  );
  const addError = useTranslatedError(add.error);
  const loadError = useTranslatedError(notes.error);
  const canWrite = Boolean(user && can(user.role, 'notes.write'));

  return (
    <Paper sx={{ p: 2 }} data-testid="notes-panel">
      <Typography variant="h6" component="h2">
        {t('notes.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('notes.hint')}
      </Typography>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      <Stack spacing={1} divider={<Divider flexItem />}>
        {notes.data?.length === 0 && <Typography color="text.secondary">{t('notes.none')}</Typography>}
        {notes.data?.map((note) => (
          <NoteItem key={note.id} note={note} mine={note.author.id === user?.id} onSaved={refresh} />
        ))}
      </Stack>
      {canWrite && (
        <Stack
          component="form"
          spacing={1}
          sx={{ mt: 2 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) add.mutate({ target, text });
          }}
        >
          <NoteEditor value={text} onChange={setText} label={t('notes.label')} testId="note-input" />
          {addError && <Alert severity="error">{addError}</Alert>}
          <Button
            type="submit"
            variant="contained"
            disabled={!text.trim() || add.isPending}
            sx={{ alignSelf: 'flex-end' }}
          >
            {t('notes.add')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}

function NoteItem({ note, mine, onSaved }: { note: NoteView; mine: boolean; onSaved(): unknown }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const now = useNow(15_000);
  const [draft, setDraft] = useState<string | null>(null);
  const edit = useMutation(
    trpc.notes.edit.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        void onSaved();
      },
    }),
  );
  const editError = useTranslatedError(edit.error);
  const editable = mine && now <= Date.parse(note.editableUntil);
  const mentioned = new Set(note.mentions.map((m) => m.username));

  return (
    <Stack spacing={0.5} id={`note-${note.id}`} data-testid="note">
      <Typography variant="caption" color="text.secondary">
        {t('notes.byline', { name: note.author.name, at: formatPlatformTime(note.createdAt, i18n.language) })}
        {note.version > 1 && ` · ${t('notes.edited')}`}
        {editable &&
          draft === null &&
          ` · ${t('notes.editableUntil', { time: formatPlatformTime(note.editableUntil, i18n.language) })}`}
      </Typography>
      {draft === null ? (
        <NoteText text={note.text} mentioned={mentioned} />
      ) : (
        <NoteEditor value={draft} onChange={setDraft} label={t('notes.edit')} autoFocus />
      )}
      {editError && <Alert severity="error">{editError}</Alert>}
      {editable && (
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {draft === null ? (
            <Button size="small" onClick={() => setDraft(note.text)}>
              {t('notes.edit')}
            </Button>
          ) : (
            <>
              <Button size="small" onClick={() => setDraft(null)}>
                {t('notes.cancel')}
              </Button>
              <Button
                size="small"
                variant="contained"
                disabled={!draft.trim() || edit.isPending}
                onClick={() => edit.mutate({ id: note.id, text: draft, version: note.version })}
              >
                {t('notes.save')}
              </Button>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}

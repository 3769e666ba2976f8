import { List, ListItemButton, ListItemText, Paper, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX_LENGTH } from '../../../shared/notes/limits';
import { useTRPC } from '../../lib/trpc';
import { insertMention, mentionQueryAt } from './mentionQuery';

const MAX_SUGGESTIONS = 6;

/**
 * A note's text field: typing @ offers the colleagues a note can mention (arrow keys to move,
 * Enter or Tab to take one, Escape to dismiss), and the length is counted against the limit.
 */
export function NoteEditor(props: {
  value: string;
  onChange(value: string): void;
  label: string;
  autoFocus?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const listId = useId();
  const input = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const staff = useQuery({ ...trpc.notes.mentionable.queryOptions(), staleTime: 5 * 60_000 });
  const typing = dismissed ? null : mentionQueryAt(props.value, caret);
  const query = typing?.query.toLowerCase() ?? '';
  const suggestions = typing
    ? (staff.data ?? [])
        .filter((s) => s.username.includes(query) || s.name.toLowerCase().includes(query))
        .slice(0, MAX_SUGGESTIONS)
    : [];
  const open = suggestions.length > 0;

  const take = (username: string) => {
    if (!typing) return;
    const next = insertMention(props.value, typing, username);
    props.onChange(next.text);
    setCaret(next.caret);
    setHighlight(0);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => (h + step + suggestions.length) % suggestions.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      take((suggestions[highlight] ?? suggestions[0])?.username ?? '');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(true);
    }
  };

  const track = (target: HTMLTextAreaElement | HTMLInputElement) => setCaret(target.selectionStart ?? 0);

  return (
    <Stack spacing={0.5}>
      <TextField
        label={props.label}
        multiline
        minRows={2}
        maxRows={12}
        fullWidth
        value={props.value}
        autoFocus={props.autoFocus}
        inputRef={input}
        onChange={(e) => {
          props.onChange(e.target.value);
          track(e.target);
          setDismissed(false);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => track(e.target as HTMLTextAreaElement)}
        onClick={(e) => track(e.target as HTMLTextAreaElement)}
        helperText={t('notes.length', { count: props.value.length, max: NOTE_MAX_LENGTH })}
        error={props.value.length > NOTE_MAX_LENGTH}
        slotProps={{
          htmlInput: {
            'data-testid': props.testId,
            role: 'combobox',
            'aria-autocomplete': 'list',
            'aria-expanded': open,
            'aria-controls': open ? listId : undefined,
            'aria-activedescendant': open ? `${listId}-${highlight}` : undefined,
          },
        }}
      />
      {open && (
        <Paper variant="outlined">
          <List dense id={listId} role="listbox" aria-label={t('notes.mentionList')}>
            {suggestions.map((s, i) => (
              <ListItemButton
                key={s.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === highlight}
                selected={i === highlight}
                // Keeps the focus (and the caret) in the text field.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => take(s.username)}
              >
                <ListItemText primary={`@${s.username}`} secondary={s.name} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

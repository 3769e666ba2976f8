import { Dialog, List, ListItemButton, ListItemText, ListSubheader, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { subjectPlatform } from '../../lib/platforms';
import { useTRPC } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { usePlatformName, useRuleLabel } from '../../lib/usePlatformNames';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { HighlightedText } from '../search/HighlightedText';
import { hitLink, useSearchHits } from '../search/useSearchHits';
import { subjectPath } from '../subject/SubjectLink';

/** What a subject id looks like: letters and digits with a digit in it (M10000), not a page's name. */
const SUBJECT_ID = /^(?=.*\d)[A-Za-z0-9][\w-]{1,63}$/;

export interface PaletteNavItem {
  to: string;
  label: string;
}

interface Command {
  id: string;
  group: 'case' | 'profile' | 'subject' | 'search' | 'go';
  primary: string;
  secondary?: ReactNode;
  run(): void;
}

const OPEN_EVENT = 'verdict:open-palette';

/** Opens the palette from elsewhere (the app bar's search box), as Ctrl-K does. */
export function openCommandPalette(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

/**
 * Ctrl-K (⌘K): jump to a case by number, to a subject's page or its cases by subject id, search
 * the desk's text (cases, reports, evidence, subjects, decisions, notes), or go to a page, from
 * anywhere and without the mouse (arrows choose, Enter goes, Esc closes).
 */
export function CommandPalette({ nav, onShowShortcuts }: { nav: PaletteNavItem[]; onShowShortcuts(): void }) {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const ruleLabel = useRuleLabel();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    const show = () => {
      setText('');
      setActive(0);
      setOpen(true);
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        // Also from inside a field: it is the one shortcut that must always work.
        e.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_EVENT, show);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_EVENT, show);
    };
  }, []);

  const query = useDebouncedValue(text.trim(), 200);
  const caseId = /^#?\d{1,12}$/.test(query) ? Number(query.replace('#', '')) : null;
  const byId = useQuery({
    ...trpc.cases.get.queryOptions({ id: caseId ?? 0 }),
    enabled: open && caseId !== null && caseId > 0,
  });
  const bySubject = useQuery({
    ...trpc.cases.list.queryOptions({ subjectId: query, status: 'all', limit: 8 }),
    enabled: open && query.length >= 2 && caseId === null,
  });
  const search = useSearchHits(query, open);
  const searchError = useTranslatedError(search.error);

  const close = () => setOpen(false);
  const go = (to: string) => () => {
    close();
    navigate(to);
  };
  const commands: Command[] = [];
  if (byId.data) {
    const c = byId.data;
    commands.push({
      id: `case-${c.id}`,
      group: 'case',
      primary: `${t('case.title', { id: c.id })} · ${ruleLabel(c.rule)}`,
      secondary: `${c.subject.name ?? c.subject.id} · ${platformName(subjectPlatform(c.subject))} · ${t(`status.${c.status}`, { defaultValue: c.status })}`,
      run: go(`/cases/${c.id}`),
    });
  }
  // "Go to subject <id>": the subjects the cases found name, else the id as typed (its page says if there is none).
  const subjects = new Map((bySubject.data?.items ?? []).map((c) => [c.subject.id, c.subject.name]));
  if (subjects.size === 0 && caseId === null && SUBJECT_ID.test(query)) subjects.set(query, null);
  for (const [id, name] of subjects) {
    commands.push({
      id: `profile-${id}`,
      group: 'profile',
      primary: name ? `${name} (${id})` : id,
      secondary: t('subjectPage.title'),
      run: go(subjectPath(id)),
    });
  }
  for (const c of bySubject.data?.items ?? []) {
    commands.push({
      id: `subject-case-${c.id}`,
      group: 'subject',
      primary: `${t('case.title', { id: c.id })} · ${ruleLabel(c.rule)}`,
      secondary: `${c.subject.name ?? c.subject.id} (${c.subject.id}) · ${platformName(subjectPlatform(c.subject))} · ${t(`status.${c.status}`, { defaultValue: c.status })}`,
      run: go(`/cases/${c.id}`),
    });
  }
  for (const hit of search.data?.items ?? []) {
    const to = hitLink(hit);
    if (!to) continue;
    const where =
      hit.type !== 'subject' && hit.caseId !== null
        ? t('search.onCase', { id: hit.caseId })
        : t('search.subject', { id: hit.type === 'subject' ? hit.id : hit.subjectId });
    commands.push({
      id: `search-${hit.type}-${hit.id}`,
      group: 'search',
      primary: `${t(`search.types.${hit.type}`)} · ${where} · ${hit.title}`,
      secondary: <HighlightedText text={hit.snippet} highlights={hit.highlights} />,
      run: go(to),
    });
  }
  const needle = text.trim().toLowerCase();
  const pages: Command[] = [
    ...nav.map((item) => ({
      id: `go-${item.to}`,
      group: 'go' as const,
      primary: item.label,
      secondary: item.to,
      run: go(item.to),
    })),
    {
      id: 'shortcuts',
      group: 'go',
      primary: t('palette.shortcuts'),
      secondary: '?',
      run: () => {
        close();
        onShowShortcuts();
      },
    },
  ];
  commands.push(
    ...pages.filter(
      (p) =>
        !needle ||
        p.primary.toLowerCase().includes(needle) ||
        (typeof p.secondary === 'string' && p.secondary.includes(needle)),
    ),
  );
  const searching =
    (caseId !== null && byId.isFetching) ||
    (caseId === null && query.length >= 2 && bySubject.isFetching) ||
    (query.length > 0 && search.isFetching);
  const nothingFound = !searching && query.length > 0 && commands.length === 0;
  const current = Math.min(active, Math.max(commands.length - 1, 0));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + commands.length) % Math.max(commands.length, 1));
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      commands[current]?.run();
    }
  };

  let lastGroup: Command['group'] | null = null;
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-label={t('palette.title')}>
      <TextField
        autoFocus
        fullWidth
        placeholder={t('palette.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        slotProps={{
          htmlInput: {
            role: 'combobox',
            'aria-label': t('palette.title'),
            'aria-expanded': commands.length > 0,
            'aria-controls': 'palette-results',
            'aria-activedescendant': commands[current] ? `palette-${commands[current].id}` : undefined,
          },
        }}
        sx={{ '& fieldset': { border: 'none' }, borderBottom: 1, borderColor: 'divider' }}
      />
      <List id="palette-results" role="listbox" dense sx={{ maxHeight: 420, overflow: 'auto' }}>
        {commands.map((cmd, i) => {
          const header =
            cmd.group !== lastGroup ? (
              <ListSubheader key={`h-${cmd.group}`}>
                {cmd.group === 'search' ? t('search.group') : t(`palette.group.${cmd.group}`)}
              </ListSubheader>
            ) : null;
          lastGroup = cmd.group;
          return [
            header,
            <ListItemButton
              key={cmd.id}
              id={`palette-${cmd.id}`}
              role="option"
              aria-selected={i === current}
              selected={i === current}
              onClick={cmd.run}
              onMouseMove={() => setActive(i)}
            >
              <ListItemText primary={cmd.primary} secondary={cmd.secondary} />
            </ListItemButton>,
          ];
        })}
      </List>
      {(searching || nothingFound || (searchError && !searching) || !query) && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 2 }} role="status">
          {searching
            ? t('palette.searching')
            : searchError
              ? t('search.failed', { message: searchError })
              : nothingFound
                ? t('palette.nothing', { text: query })
                : t('search.hint')}
        </Typography>
      )}
    </Dialog>
  );
}

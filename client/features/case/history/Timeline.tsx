import { List, ListItem, ListItemText } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatPlatformTime } from '../../../lib/platformTime';
import { NoteText } from '../../notes/NoteText';
import { noteOfEvent } from '../../notes/noteOfEvent';
import { EmptyText } from './EmptyText';
import type { CaseHistoryView as CaseHistory } from './historyTypes';
import { timelineActionKey } from './timelineActionKey';

type TimelineEvent = CaseHistory['timeline'][number];

/** Every audited event on the case, oldest first, with who did it and when (platform time). */
export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <EmptyText text={t('history.timeline.none')} />;
  const actor = (e: TimelineEvent) =>
    e.actor.name ?? t(`history.timeline.actor.${e.actor.type}`, { defaultValue: e.actor.id ?? e.actor.type });
  return (
    <List dense disablePadding aria-label={t('history.tabs.timeline', { count: events.length })}>
      {events.map((e) => {
        // A note's text shows in the history where it was written (and each edit's new text).
        const note = noteOfEvent(e.action, e.data);
        return (
          <ListItem
            key={e.seq}
            disableGutters
            divider
            data-testid="timeline-event"
            sx={note ? { flexDirection: 'column', alignItems: 'flex-start' } : undefined}
          >
            <ListItemText
              primary={t(timelineActionKey(e.action), { defaultValue: e.action })}
              secondary={`${formatPlatformTime(e.at, i18n.language)} · ${actor(e)}${e.batchId ? ` · ${t('history.decisions.batch', { id: e.batchId })}` : ''}`}
            />
            {note && <NoteText text={note.text} mentioned={note.mentioned} />}
          </ListItem>
        );
      })}
    </List>
  );
}

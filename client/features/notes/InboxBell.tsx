import Notifications from '@mui/icons-material/Notifications';
import {
  Badge,
  Button,
  Divider,
  IconButton,
  ListItemText,
  ListSubheader,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InboxItem } from '../../../shared/api/notes';
import { useTRPC } from '../../lib/trpc';
import { useSession } from '../auth/useSession';
import { PlatformTimeText } from './PlatformTimeText';

/** Where a mention leads: the note on its case page, or the subject's page. */
export function inboxItemPath(item: InboxItem): string {
  return item.target.type === 'case'
    ? `/cases/${item.target.id}#note-${item.noteId}`
    : `/subjects/${encodeURIComponent(item.target.id)}#note-${item.noteId}`;
}

/**
 * The bell in the app bar: how many notes mention the signed-in person unread, kept current
 * live (`inbox.changes`, which hears mentions made on any instance), and a menu of them.
 * Opening one marks it read and goes to the note.
 */
export function InboxBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { user } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const inbox = useQuery({ ...trpc.inbox.list.queryOptions(), enabled: Boolean(user) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
  useSubscription(
    trpc.inbox.changes.subscriptionOptions(undefined, { enabled: Boolean(user), onData: () => void refresh() }),
  );
  const markRead = useMutation(trpc.inbox.markRead.mutationOptions({ onSuccess: () => void refresh() }));
  if (!user) return null;
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];
  const shown = unread > 99 ? '99+' : String(unread);
  const targetName = (item: InboxItem) =>
    item.target.type === 'case'
      ? t('notes.inbox.onCase', { id: item.target.id })
      : t('notes.inbox.onSubject', { id: item.targetTitle ?? item.target.id });

  return (
    <>
      <IconButton
        color="inherit"
        aria-label={unread ? t('notes.inbox.openUnread', { count: shown }) : t('notes.inbox.open')}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="inbox-bell"
        sx={{ mr: 1 }}
      >
        {/* No "0" on screen (it would not be in the button's name); the name carries what the badge shows. */}
        <Badge badgeContent={unread ? shown : undefined} color="error" data-testid="inbox-count">
          <Notifications />
        </Badge>
      </IconButton>
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxWidth: 420 } } }}
      >
        <ListSubheader sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          {t('notes.inbox.title')}
          {unread > 0 && (
            <Button size="small" onClick={() => markRead.mutate({})}>
              {t('notes.inbox.markAllRead')}
            </Button>
          )}
        </ListSubheader>
        <Divider />
        {items.length === 0 && (
          <MenuItem disabled>
            <Typography variant="body2">{t('notes.inbox.empty')}</Typography>
          </MenuItem>
        )}
        {items.map((item) => (
          <MenuItem
            key={item.id}
            data-testid="inbox-item"
            onClick={() => {
              setAnchor(null);
              if (!item.readAt) markRead.mutate({ ids: [item.id] });
              void navigate(inboxItemPath(item));
            }}
            sx={{ whiteSpace: 'normal', fontWeight: item.readAt ? undefined : 600 }}
          >
            <ListItemText
              primary={t('notes.inbox.from', { name: item.author.name, target: targetName(item) })}
              secondary={
                <>
                  {item.excerpt} · <PlatformTimeText iso={item.createdAt} />
                </>
              }
              slotProps={{ primary: { sx: { fontWeight: 'inherit' } } }}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

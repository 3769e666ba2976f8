import BookmarkBorder from '@mui/icons-material/BookmarkBorder';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  Divider,
  IconButton,
  ListItemText,
  ListSubheader,
  Menu,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type QueueViewState, type SavedView, VIEW_NAME_MAX } from '../../../shared/api/views';
import { can } from '../../../shared/auth/roles';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { FilterSelect } from '../../lib/FilterSelect';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useQueueName } from '../../lib/useQueueName';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';

/**
 * Saved queue views: open one (its filters replace the current ones, in the URL), save the
 * current filters under a name, delete one's own; a lead may share a view with a queue.
 */
export function SavedViewsMenu({ current, onOpen }: { current: QueueViewState; onOpen(view: QueueViewState): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const views = useQuery(trpc.views.list.queryOptions());
  const queueName = useQueueName();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const mine = (views.data ?? []).filter((v) => v.mine);
  const shared = (views.data ?? []).filter((v) => !v.mine);
  const open = (view: SavedView) => {
    setAnchor(null);
    onOpen(view.state);
  };
  const item = (view: SavedView) => (
    <MenuItem key={view.id} onClick={() => open(view)} data-testid={`saved-view-${view.id}`}>
      <ListItemText
        primary={view.name}
        secondary={
          view.mine
            ? view.sharedQueue && t('tags.views.sharedWith', { queue: queueName(view.sharedQueue) })
            : t('tags.views.sharedBy', { name: view.ownerName })
        }
      />
      {view.mine && (
        <IconButton
          edge="end"
          size="small"
          aria-label={t('tags.views.delete', { name: view.name })}
          onClick={(e) => {
            e.stopPropagation();
            setAnchor(null);
            setDeleting(view);
          }}
        >
          <DeleteOutline fontSize="small" />
        </IconButton>
      )}
    </MenuItem>
  );
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<BookmarkBorder />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-label={t('tags.views.open')}
      >
        {t('tags.views.menu')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setSaving(true);
          }}
        >
          {t('tags.views.save')}
        </MenuItem>
        <Divider />
        <ListSubheader>{t('tags.views.mine')}</ListSubheader>
        {mine.length === 0 && shared.length === 0 && <MenuItem disabled>{t('tags.views.none')}</MenuItem>}
        {mine.map(item)}
        {shared.length > 0 && <ListSubheader>{t('tags.views.shared')}</ListSubheader>}
        {shared.map(item)}
      </Menu>
      {saving && <SaveViewDialog state={current} existing={mine} onClose={() => setSaving(false)} />}
      {deleting && <DeleteViewDialog view={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

function SaveViewDialog({
  state,
  existing,
  onClose,
}: {
  state: QueueViewState;
  existing: SavedView[];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const canShare = Boolean(user && can(user.role, 'queues.manage'));
  const queues = useQuery({ ...trpc.queues.list.queryOptions(), enabled: canShare });
  const [name, setName] = useState('');
  const [shareWith, setShareWith] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.views.list.queryKey() });
  const share = useMutation(trpc.views.share.mutationOptions());
  const save = useMutation(
    trpc.views.save.mutationOptions({
      onSuccess: async (view) => {
        const queue = shareWith || null;
        if (canShare && queue !== view.sharedQueue) await share.mutateAsync({ id: view.id, queue });
        await refresh();
        onClose();
      },
    }),
  );
  const error = useTranslatedError(save.error ?? share.error);
  const replacing = existing.find((v) => v.name === name.trim());
  return (
    <FormDialog
      title={t('tags.views.saveTitle')}
      pending={save.isPending || share.isPending}
      error={error}
      confirmLabel={t('tags.views.save')}
      incomplete={!name.trim()}
      maxWidth="xs"
      onSubmit={() => save.mutate({ name: name.trim(), state })}
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          autoFocus
          label={t('tags.views.name')}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            const same = existing.find((v) => v.name === e.target.value.trim());
            if (same) setShareWith(same.sharedQueue ?? '');
          }}
          slotProps={{ htmlInput: { maxLength: VIEW_NAME_MAX } }}
          helperText={replacing ? t('tags.views.nameHint') : ' '}
        />
        {canShare && (
          <FilterSelect
            id="view-share"
            label={t('tags.views.shareWith')}
            value={shareWith}
            onChange={setShareWith}
            options={[
              { value: '', label: t('tags.views.shareNone') },
              ...(queues.data ?? []).map((q) => ({ value: q.id, label: i18n.language === 'en' ? q.nameEn : q.nameZh })),
            ]}
          />
        )}
      </Stack>
    </FormDialog>
  );
}

function DeleteViewDialog({ view, onClose }: { view: SavedView; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.views.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.views.list.queryKey() });
        onClose();
      },
    }),
  );
  const error = useTranslatedError(remove.error);
  return (
    <ConfirmDialog
      title={t('tags.views.deleteTitle')}
      text={t('tags.views.deleteText', { name: view.name })}
      confirmLabel={t('tags.views.deleteTitle')}
      busy={remove.isPending}
      error={error}
      onConfirm={() => remove.mutate({ id: view.id })}
      onClose={onClose}
    />
  );
}

import {
  Alert,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_NAME_MAX, type TagView } from '../../../shared/api/tags';
import { can } from '../../../shared/auth/roles';
import { FormDialog } from '../../lib/FormDialog';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { TagChip } from './TagChip';
import { useTags } from './useTags';

/** The tag vocabulary: everyone sees it, leads (`tags.manage`) create, rename, recolour, retire and restore. */
export function TagsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const { query, tags, nameOf } = useTags();
  const manage = Boolean(user && can(user.role, 'tags.manage'));
  const [editing, setEditing] = useState<TagView | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tags.pathKey() });
  const retire = useMutation(trpc.tags.update.mutationOptions({ onSuccess: refresh }));
  const retireError = useTranslatedError(retire.error);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('tags.title')}
        </Typography>
        {manage && (
          <Button variant="contained" onClick={() => setEditing('new')}>
            {t('tags.create')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('tags.intro')}
      </Typography>
      {query.error && <LoadErrorAlert onRetry={() => void query.refetch()}>{t('tags.loadFailed')}</LoadErrorAlert>}
      {retireError && <Alert severity="error">{retireError}</Alert>}
      <Paper>
        <Table size="small" aria-label={t('tags.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('tags.columns.chip')}</TableCell>
              <TableCell>{t('tags.columns.nameZh')}</TableCell>
              <TableCell>{t('tags.columns.nameEn')}</TableCell>
              <TableCell>{t('tags.columns.state')}</TableCell>
              {manage && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {tags.length === 0 && !query.isLoading && (
              <TableRow>
                <TableCell colSpan={5}>{t('tags.empty')}</TableCell>
              </TableRow>
            )}
            {tags.map((tag) => (
              <TableRow key={tag.id} data-testid={`tag-row-${tag.id}`}>
                <TableCell>
                  <TagChip id={tag.id} tag={tag} name={nameOf(tag)} />
                </TableCell>
                <TableCell>{tag.nameZh}</TableCell>
                <TableCell>{tag.nameEn}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={tag.retired ? t('tags.retiredState') : t('tags.active')}
                    color={tag.retired ? 'default' : 'success'}
                    variant="outlined"
                  />
                </TableCell>
                {manage && (
                  <TableCell align="right">
                    <Button size="small" onClick={() => setEditing(tag)}>
                      {t('tags.edit')}
                    </Button>
                    <Button
                      size="small"
                      disabled={retire.isPending}
                      onClick={() => retire.mutate({ id: tag.id, retired: !tag.retired })}
                    >
                      {tag.retired ? t('tags.restore') : t('tags.retire')}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {editing && <TagDialog tag={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function TagDialog({ tag, onClose }: { tag: TagView | null; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [nameZh, setNameZh] = useState(tag?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(tag?.nameEn ?? '');
  const [color, setColor] = useState(tag?.color ?? '#1565c0');
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.tags.pathKey() });
    onClose();
  };
  const create = useMutation(trpc.tags.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.tags.update.mutationOptions({ onSuccess: done }));
  const error = useTranslatedError(create.error ?? update.error);
  const hint = t('tags.nameHint', { max: TAG_NAME_MAX });
  return (
    <FormDialog
      title={tag ? t('tags.editTitle') : t('tags.createTitle')}
      pending={create.isPending || update.isPending}
      error={error}
      confirmLabel={t('tags.save')}
      incomplete={!nameZh.trim() || !nameEn.trim()}
      maxWidth="xs"
      onSubmit={() =>
        tag ? update.mutate({ id: tag.id, nameZh, nameEn, color }) : create.mutate({ nameZh, nameEn, color })
      }
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          autoFocus
          label={t('tags.nameZh')}
          value={nameZh}
          onChange={(e) => setNameZh(e.target.value)}
          helperText={hint}
          slotProps={{ htmlInput: { maxLength: TAG_NAME_MAX } }}
        />
        <TextField
          label={t('tags.nameEn')}
          value={nameEn}
          onChange={(e) => setNameEn(e.target.value)}
          helperText={hint}
          slotProps={{ htmlInput: { maxLength: TAG_NAME_MAX } }}
        />
        <TextField
          label={t('tags.color')}
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          helperText={t('tags.colorHint')}
        />
      </Stack>
    </FormDialog>
  );
}

import { Autocomplete, Box, Button, Popover, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagTarget, TagView } from '../../../shared/api/tags';
import { can } from '../../../shared/auth/roles';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { TagChip } from './TagChip';
import { useTags } from './useTags';

/**
 * The tags on one case or subject, with a label; staff allowed to tag (`tags.apply`) add one
 * from the vocabulary or remove one. Loads its own data, so any page can show it: the case page
 * for the case and its subject, the subject page for the subject.
 */
export function TargetTags({ target, label }: { target: TagTarget; label: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const { find, nameOf, active } = useTags();
  const query = useQuery(trpc.tags.on.queryOptions({ target }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tags.on.queryKey({ target }) });
    // Queue rows show tags too.
    void queryClient.invalidateQueries({ queryKey: trpc.cases.list.pathKey() });
  };
  const add = useMutation(trpc.tags.add.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.tags.remove.mutationOptions({ onSuccess: refresh }));
  const error = useTranslatedError(add.error ?? remove.error);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const editable = Boolean(user && can(user.role, 'tags.apply'));
  const carried = query.data?.tagIds ?? [];
  const offered = active.filter((tag) => !carried.includes(tag.id));
  const slug = target.type === 'case' ? 'case' : 'subject';

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary" component="span">
        {label}
      </Typography>
      <Box component="span" data-testid={`${slug}-tags`} sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
        {carried.length === 0 && (
          <Typography variant="body2" component="span" color="text.secondary">
            {t('tags.none')}
          </Typography>
        )}
        {carried.map((id) => {
          const tag = find(id);
          return (
            <TagChip
              key={id}
              id={id}
              tag={tag}
              name={tag && nameOf(tag)}
              onDelete={editable ? () => remove.mutate({ target, tagId: id }) : undefined}
            />
          );
        })}
      </Box>
      {editable && offered.length > 0 && (
        <Button
          size="small"
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-label={t('tags.addTo', { target: label })}
          data-testid={`${slug}-tags-add`}
        >
          {t('tags.add')}
        </Button>
      )}
      {error && (
        <Typography variant="body2" color="error" role="alert">
          {error}
        </Typography>
      )}
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        <Box sx={{ p: 1.5, width: 260 }}>
          <Autocomplete<TagView>
            openOnFocus
            options={offered}
            getOptionLabel={nameOf}
            onChange={(_e, tag) => {
              if (!tag) return;
              add.mutate({ target, tagId: tag.id });
              setAnchor(null);
            }}
            renderInput={(params) => <TextField {...params} autoFocus size="small" label={t('tags.pick')} />}
          />
        </Box>
      </Popover>
    </Stack>
  );
}

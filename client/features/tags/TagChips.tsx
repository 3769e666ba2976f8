import { Stack } from '@mui/material';
import { TagChip } from './TagChip';
import { useTags } from './useTags';

/**
 * Read-only chips for tag ids, e.g. in a queue row: the case's own, then its subject's (marked
 * with a square dot). The subject page can show a subject's tags with it, or edit them with
 * `TargetTags`.
 */
export function TagChips({ ids, subjectIds = [] }: { ids: readonly string[]; subjectIds?: readonly string[] }) {
  const { find, nameOf } = useTags();
  if (!ids.length && !subjectIds.length) return null;
  const chip = (id: string, subject: boolean) => {
    const tag = find(id);
    return (
      <TagChip key={`${subject ? 's' : 'c'}-${id}`} id={id} tag={tag} name={tag && nameOf(tag)} subject={subject} />
    );
  };
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
      {ids.map((id) => chip(id, false))}
      {subjectIds.filter((id) => !ids.includes(id)).map((id) => chip(id, true))}
    </Stack>
  );
}

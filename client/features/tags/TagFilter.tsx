import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { TAGS_PER_TARGET_MAX } from '../../../shared/api/tags';
import { TagChip } from './TagChip';
import { useTags } from './useTags';

/** The queue's tag filter: cases carrying every tag picked, on the case or on its subject. */
export function TagFilter({ value, onChange }: { value: string[]; onChange(next: string[]): void }) {
  const { t } = useTranslation();
  const { tags, find, nameOf } = useTags();
  // Retired tags are not offered, but one already in the filter (a saved view, a link) stays shown.
  const options = tags.filter((tag) => !tag.retired || value.includes(tag.id)).map((tag) => tag.id);
  const label = (id: string) => {
    const tag = find(id);
    return tag ? nameOf(tag) : id;
  };
  return (
    <Autocomplete
      multiple
      size="small"
      id="filter-tags"
      options={[...new Set([...options, ...value])]}
      value={value}
      onChange={(_e, next) => onChange(next.slice(0, TAGS_PER_TARGET_MAX))}
      getOptionLabel={label}
      filterSelectedOptions
      renderValue={(selected, getItemProps) =>
        selected.map((id, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          const tag = find(id);
          return <TagChip key={key} id={id} tag={tag} name={tag && nameOf(tag)} onDelete={itemProps.onDelete} />;
        })
      }
      renderInput={(params) => <TextField {...params} label={t('tags.filter')} title={t('tags.filterHint')} />}
      sx={{ minWidth: 200 }}
    />
  );
}

import { Box, Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TagView } from '../../../shared/api/tags';

/**
 * One tag: an outlined chip with a dot and a border in the tag's colour. The text keeps the
 * theme's colour, so any colour a lead picks stays readable; a retired tag is dashed and says so.
 */
export function TagChip({
  tag,
  id,
  name,
  onDelete,
  subject,
}: {
  /** The tag, or undefined while the vocabulary loads (the id shows meanwhile). */
  tag: TagView | undefined;
  id: string;
  name: string | undefined;
  /** Shown with a delete icon (Backspace or Delete on the focused chip also removes it). */
  onDelete?: ChipProps['onDelete'];
  /** Carried by the case's subject rather than the case (queue rows show both). */
  subject?: boolean;
}) {
  const { t } = useTranslation();
  const label = tag?.retired ? t('tags.retired', { name }) : (name ?? id);
  return (
    <Chip
      size="small"
      variant="outlined"
      data-testid={`tag-chip-${id}`}
      title={subject ? t('tags.onSubject', { name: label }) : undefined}
      icon={
        <Box
          component="span"
          aria-hidden
          sx={{ width: 8, height: 8, borderRadius: subject ? '2px' : '50%', bgcolor: tag?.color ?? 'grey.500', ml: 1 }}
        />
      }
      label={label}
      onDelete={onDelete}
      sx={{ borderColor: tag?.color ?? 'divider', borderStyle: tag?.retired ? 'dashed' : 'solid' }}
    />
  );
}

import LockOutlined from '@mui/icons-material/LockOutlined';
import { Box, Chip } from '@mui/material';
import { measureOf } from '../../lib/platforms';
import { useLocalized, useRulebook } from './rulebookContext';

/**
 * Measures by their localized labels. Measures that seal the account stand out in red, with a
 * lock, because they end the account for good; the id is in the tooltip for reference. A
 * measure the loaded rulebook lacks (another platform's, on a page of every platform's
 * subjects) is named by the rulebook that has it.
 */
export function MeasureChips({
  ids,
  variant = 'outlined',
}: {
  ids: readonly string[];
  variant?: 'outlined' | 'filled';
}) {
  const { measures } = useRulebook();
  const localized = useLocalized();
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, m: 0, p: 0, listStyle: 'none' }}>
      {ids.map((id) => {
        const measure = measures.get(id) ?? measureOf(id);
        return (
          <li key={id}>
            <Chip
              size="small"
              variant={variant}
              color={measure?.seals ? 'error' : 'default'}
              icon={measure?.seals ? <LockOutlined /> : undefined}
              label={measure ? localized(measure.label) : id}
              title={id}
            />
          </li>
        );
      })}
    </Box>
  );
}

import { Chip } from '@mui/material';
import type { PlatformId } from '../../shared/rulebook/platforms';
import { usePlatformName } from './usePlatformNames';

/** The platform a subject trades on, beside its name wherever a screen names the subject. */
export function PlatformChip({ platform }: { platform: PlatformId }) {
  const name = usePlatformName();
  return (
    <Chip
      // A span, so it may sit inside a line of text (a <p>).
      component="span"
      size="small"
      variant="outlined"
      label={name(platform)}
      data-testid="subject-platform"
      data-platform={platform}
      sx={{ height: 20, '& .MuiChip-label': { px: 0.75 } }}
    />
  );
}

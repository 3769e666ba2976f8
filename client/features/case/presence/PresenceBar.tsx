import EditNoteIcon from '@mui/icons-material/EditNote';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCasePresence } from './PresenceContext';

/** "Also open by …": who else is looking at this case, and who is drafting a decision on it. */
export function PresenceBar() {
  const { t } = useTranslation();
  const { viewers } = useCasePresence();
  if (!viewers.length) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ alignItems: 'center', flexWrap: 'wrap' }}
      role="status"
      aria-label={t('presence.label')}
      data-testid="presence-bar"
    >
      <Typography variant="body2" color="text.secondary">
        {t('presence.alsoOpen')}
      </Typography>
      {viewers.map((v) => (
        <Chip
          key={v.userId}
          size="small"
          color={v.editing ? 'warning' : 'default'}
          icon={v.editing ? <EditNoteIcon /> : <VisibilityIcon />}
          label={t(v.editing ? 'presence.drafting' : 'presence.viewing', { name: v.name })}
        />
      ))}
    </Stack>
  );
}

import { Chip, Stack, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAuditLabels } from './useAuditLabels';

/** The action's name; one this desk does not register is shown as stored, flagged. */
export function ActionLabel({ action }: { action: string }) {
  const { t } = useTranslation();
  const label = useAuditLabels().action(action);
  if (label.known) return <span>{label.text}</span>;
  return (
    <Tooltip title={t('audit.unregisteredTooltip')}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} component="span">
        <code>{label.text}</code>
        <Chip size="small" variant="outlined" color="warning" label={t('audit.unregistered')} />
      </Stack>
    </Tooltip>
  );
}

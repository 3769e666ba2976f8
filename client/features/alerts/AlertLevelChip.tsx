import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AlertLevel } from '../../../shared/alerts/enums';

const COLOR = { high: 'error', medium: 'warning', low: 'default' } as const;

/** The risk level, coloured; the word is always there too, so colour is never the only signal. */
export function AlertLevelChip({ level }: { level: AlertLevel }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLOR[level]} variant="outlined" label={t(`alerts.level.${level}`)} />;
}

import { Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatSpan } from '../../lib/duration';
import { formatPlatformTime } from '../../lib/platformTime';

const COLORS = { ok: 'success', at_risk: 'warning', breached: 'error', closed: 'default' } as const;

/** SLA countdown with its forecast state: time left (or overdue) and a coloured chip. */
export function SlaCell({ dueAt, state, now }: { dueAt: string | null; state: keyof typeof COLORS; now: number }) {
  const { t, i18n } = useTranslation();
  if (!dueAt) return <span>—</span>;
  const left = new Date(dueAt).getTime() - now;
  const label =
    state === 'closed'
      ? t('sla.closed')
      : left >= 0
        ? t('sla.left', { span: formatSpan(left, t) })
        : t('sla.overdue', { span: formatSpan(left, t) });
  return (
    <Tooltip title={`${t('sla.dueAt')}: ${formatPlatformTime(dueAt, i18n.language)} · ${t(`sla.state.${state}`)}`}>
      <Chip
        size="small"
        variant={state === 'ok' || state === 'closed' ? 'outlined' : 'filled'}
        color={COLORS[state]}
        label={label}
      />
    </Tooltip>
  );
}

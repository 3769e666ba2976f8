import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { METRIC_PERIOD_DAYS, type MetricPeriodDays } from '../../../shared/metrics/period';

/** Last 7 or last 30 platform days. */
export function PeriodToggle(props: { value: MetricPeriodDays; onChange(days: MetricPeriodDays): void }) {
  const { t } = useTranslation();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.value}
      aria-label={t('dashboard.period')}
      onChange={(_e, days: MetricPeriodDays | null) => days && props.onChange(days)}
    >
      {METRIC_PERIOD_DAYS.map((days) => (
        <ToggleButton key={days} value={days}>
          {t('dashboard.periodDays', { days })}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

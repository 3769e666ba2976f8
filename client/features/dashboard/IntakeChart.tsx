import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { REPORT_SOURCES } from '../../../shared/cases/enums';
import { platformZoneName } from '../../lib/platformTime';
import { ChartCard } from './ChartCard';
import { CATEGORY_AXIS_HEIGHT, COUNT_AXIS } from './chartText';

type Row = DashboardMetrics['intakeDaily'][number];

/** Reports received per platform day, one line per source (docs/MARKETPLACE.md §1). */
export function IntakeChart(props: { rows: Row[]; fileSuffix: string }) {
  const { t } = useTranslation();
  const title = t('dashboard.charts.intake');
  const columns = [
    { header: t('dashboard.columns.day', { zone: platformZoneName() }), value: (r: Row) => r.day },
    ...REPORT_SOURCES.map((s) => ({ header: t(`source.${s}`), value: (r: Row) => r[s] })),
    { header: t('dashboard.columns.total'), value: (r: Row) => r.total },
  ];
  return (
    <ChartCard
      title={title}
      caption={t('common.timeZone', { zone: platformZoneName() })}
      fileSuffix={props.fileSuffix}
      csv={{ name: 'intake', columns, rows: props.rows }}
    >
      <LineChart
        height={280}
        xAxis={[
          {
            scaleType: 'point',
            // Month and day: the year is in the period shown above the charts.
            data: props.rows.map((r) => r.day.slice(5)),
            label: t('dashboard.columns.day', { zone: platformZoneName() }),
            height: CATEGORY_AXIS_HEIGHT + 20,
          },
        ]}
        yAxis={[COUNT_AXIS]}
        // Straight segments: a smoothed curve would dip below zero between days with no reports.
        series={REPORT_SOURCES.map((s) => ({
          label: t(`source.${s}`),
          data: props.rows.map((r) => r[s]),
          curve: 'linear',
        }))}
      />
    </ChartCard>
  );
}

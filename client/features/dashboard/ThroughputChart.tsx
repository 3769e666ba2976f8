import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { ChartCard } from './ChartCard';
import { COUNT_AXIS, NAME_AXIS } from './chartText';

type Row = DashboardMetrics['reviewers'][number];

/** Decisions per reviewer over the period, beside the median minutes from claim to decision. */
export function ThroughputChart(props: { rows: Row[]; fileSuffix: string }) {
  const { t } = useTranslation();
  const title = t('dashboard.charts.throughput');
  const columns = [
    { header: t('dashboard.columns.reviewer'), value: (r: Row) => r.name },
    { header: t('dashboard.columns.decisions'), value: (r: Row) => r.decisions },
    { header: t('dashboard.columns.perDay'), value: (r: Row) => r.perDay },
    { header: t('dashboard.columns.medianMinutes'), value: (r: Row) => r.medianHandlingMinutes },
    { header: t('dashboard.columns.timed'), value: (r: Row) => r.timed },
  ];
  return (
    <ChartCard
      title={title}
      caption={t('dashboard.charts.throughputCaption')}
      fileSuffix={props.fileSuffix}
      csv={{ name: 'throughput', columns, rows: props.rows }}
    >
      <BarChart
        height={330}
        xAxis={[{ scaleType: 'band', data: props.rows.map((r) => r.name), ...NAME_AXIS }]}
        yAxis={[
          { id: 'count', label: t('dashboard.columns.decisions'), ...COUNT_AXIS },
          // Whole minutes: a few seconds of handling would otherwise tick "0.0004" and be cut to "0.00…".
          { id: 'minutes', label: t('dashboard.columns.medianMinutes'), position: 'right', ...COUNT_AXIS },
        ]}
        series={[
          { label: t('dashboard.columns.decisions'), data: props.rows.map((r) => r.decisions), yAxisId: 'count' },
          {
            label: t('dashboard.columns.medianMinutes'),
            data: props.rows.map((r) => r.medianHandlingMinutes),
            yAxisId: 'minutes',
          },
        ]}
      />
    </ChartCard>
  );
}

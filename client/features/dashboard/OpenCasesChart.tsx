import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { AGE_BUCKETS } from '../../../shared/metrics/openCases';
import { ChartCard } from './ChartCard';
import { AGE_COLOURS, COUNT_AXIS, NAME_AXIS } from './chartText';

type Row = DashboardMetrics['openByQueue'][number];

/** The backlog now: open cases per queue, stacked by how long they have waited. */
export function OpenCasesChart(props: { rows: Row[]; queueLabel(queue: string | null): string; fileSuffix: string }) {
  const { t } = useTranslation();
  const title = t('dashboard.charts.openCases');
  const columns = [
    { header: t('dashboard.columns.queue'), value: (r: Row) => props.queueLabel(r.queue) },
    ...AGE_BUCKETS.map((b) => ({ header: t(`dashboard.age.${b}`), value: (r: Row) => r[b] })),
    { header: t('dashboard.columns.total'), value: (r: Row) => r.total },
  ];
  return (
    <ChartCard title={title} fileSuffix={props.fileSuffix} csv={{ name: 'open-cases', columns, rows: props.rows }}>
      <BarChart
        height={330}
        xAxis={[{ scaleType: 'band', data: props.rows.map((r) => props.queueLabel(r.queue)), ...NAME_AXIS }]}
        yAxis={[COUNT_AXIS]}
        series={AGE_BUCKETS.map((b) => ({
          label: t(`dashboard.age.${b}`),
          color: AGE_COLOURS[b],
          data: props.rows.map((r) => r[b]),
          stack: 'age',
        }))}
      />
    </ChartCard>
  );
}

import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { ChartCard } from './ChartCard';
import { COUNT_AXIS, NAME_AXIS } from './chartText';

type Row = DashboardMetrics['sla'][number];

const SERIES = ['breached', 'atRisk', 'closedLate'] as const;

/** Deadlines per queue: open cases already late, those forecast to be, and the period's late closures. */
export function SlaChart(props: { rows: Row[]; queueLabel(queue: string | null): string; fileSuffix: string }) {
  const { t } = useTranslation();
  const title = t('dashboard.charts.sla');
  const columns = [
    { header: t('dashboard.columns.queue'), value: (r: Row) => props.queueLabel(r.queue) },
    { header: t('dashboard.columns.open'), value: (r: Row) => r.open },
    { header: t('dashboard.columns.breached'), value: (r: Row) => r.breached },
    { header: t('dashboard.columns.atRisk'), value: (r: Row) => r.atRisk },
    { header: t('dashboard.columns.closed'), value: (r: Row) => r.closed },
    { header: t('dashboard.columns.closedLate'), value: (r: Row) => r.closedLate },
  ];
  return (
    <ChartCard
      title={title}
      caption={t('dashboard.charts.slaCaption')}
      fileSuffix={props.fileSuffix}
      csv={{ name: 'sla', columns, rows: props.rows }}
    >
      <BarChart
        height={330}
        xAxis={[{ scaleType: 'band', data: props.rows.map((r) => props.queueLabel(r.queue)), ...NAME_AXIS }]}
        yAxis={[COUNT_AXIS]}
        series={SERIES.map((key) => ({ label: t(`dashboard.columns.${key}`), data: props.rows.map((r) => r[key]) }))}
      />
    </ChartCard>
  );
}

import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { ChartCard } from './ChartCard';
import { NAME_AXIS, useChartText } from './chartText';

type FourEyes = DashboardMetrics['fourEyes'];
type Row = FourEyes['byReviewer'][number];

/** How often a second person sent a reviewer's four-eyes decisions back, overall and per reviewer. */
export function FourEyesChart(props: { data: FourEyes; fileSuffix: string }) {
  const { t } = useTranslation();
  const { percent } = useChartText();
  const title = t('dashboard.charts.fourEyes');
  const rows = props.data.byReviewer;
  const columns = [
    { header: t('dashboard.columns.reviewer'), value: (r: Row) => r.name },
    { header: t('dashboard.columns.reviewed'), value: (r: Row) => r.reviewed },
    { header: t('dashboard.columns.sentBack'), value: (r: Row) => r.sentBack },
    { header: t('dashboard.columns.sendBackRate'), value: (r: Row) => r.rate },
  ];
  return (
    <ChartCard
      title={title}
      caption={t('dashboard.charts.fourEyesSummary', {
        reviewed: props.data.reviewed,
        sentBack: props.data.sentBack,
        rate: percent(props.data.rate),
      })}
      fileSuffix={props.fileSuffix}
      csv={{ name: 'four-eyes', columns, rows }}
    >
      <BarChart
        height={330}
        xAxis={[{ scaleType: 'band', data: rows.map((r) => r.name), ...NAME_AXIS }]}
        yAxis={[{ min: 0, max: 1, valueFormatter: (v: number) => percent(v) }]}
        series={[
          {
            label: t('dashboard.columns.sendBackRate'),
            data: rows.map((r) => r.rate),
            valueFormatter: (v) => percent(v),
          },
        ]}
      />
    </ChartCard>
  );
}

import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { ChartCard } from './ChartCard';
import { NAME_AXIS, useChartText } from './chartText';

type Row = DashboardMetrics['appealsByReviewer'][number];

/** Appeal rate and overturn rate side by side, per reviewer or per rule. */
export function AppealRatesChart(props: { rows: Row[]; by: 'reviewer' | 'rule'; fileSuffix: string }) {
  const { t } = useTranslation();
  const { percent } = useChartText();
  const title = props.by === 'reviewer' ? t('dashboard.charts.appealsByReviewer') : t('dashboard.charts.appealsByRule');
  const label = (r: Row) => (props.by === 'rule' ? t(`rule.${r.key}`, { defaultValue: r.key }) : r.label);
  const columns = [
    { header: t(props.by === 'rule' ? 'dashboard.columns.rule' : 'dashboard.columns.reviewer'), value: label },
    { header: t('dashboard.columns.appealable'), value: (r: Row) => r.decisions },
    { header: t('dashboard.columns.appealed'), value: (r: Row) => r.appealed },
    { header: t('dashboard.columns.appealRate'), value: (r: Row) => r.appealRate },
    { header: t('dashboard.columns.ruled'), value: (r: Row) => r.ruled },
    { header: t('dashboard.columns.overturned'), value: (r: Row) => r.overturned },
    { header: t('dashboard.columns.overturnRate'), value: (r: Row) => r.overturnRate },
  ];
  return (
    <ChartCard
      title={title}
      caption={t('dashboard.charts.appealsCaption')}
      fileSuffix={props.fileSuffix}
      csv={{ name: `appeals-by-${props.by}`, columns, rows: props.rows }}
    >
      <BarChart
        height={330}
        xAxis={[{ scaleType: 'band', data: props.rows.map(label), ...NAME_AXIS }]}
        yAxis={[{ min: 0, max: 1, valueFormatter: (v: number) => percent(v) }]}
        series={[
          {
            label: t('dashboard.columns.appealRate'),
            data: props.rows.map((r) => r.appealRate),
            valueFormatter: (v) => percent(v),
          },
          {
            label: t('dashboard.columns.overturnRate'),
            data: props.rows.map((r) => r.overturnRate),
            valueFormatter: (v) => percent(v),
          },
        ]}
      />
    </ChartCard>
  );
}

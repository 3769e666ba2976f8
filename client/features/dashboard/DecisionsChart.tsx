import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { DECISION_OUTCOMES } from '../../../shared/metrics/people';
import { ChartCard } from './ChartCard';
import { CATEGORY_AXIS_HEIGHT, COUNT_AXIS, NAME_AXIS_WIDTH } from './chartText';

type Row = DashboardMetrics['decisionsByRule'][number];

/** Decisions of the period per rule, stacked by outcome (apply, waive, dismiss, escalate). */
export function DecisionsChart(props: { rows: Row[]; fileSuffix: string }) {
  const { t } = useTranslation();
  const title = t('dashboard.charts.decisions');
  const ruleLabel = (rule: string) => t(`rule.${rule}`, { defaultValue: rule });
  const columns = [
    { header: t('dashboard.columns.rule'), value: (r: Row) => ruleLabel(r.rule) },
    ...DECISION_OUTCOMES.map((k) => ({ header: t(`decisionKind.${k}`), value: (r: Row) => r[k] })),
    { header: t('dashboard.columns.total'), value: (r: Row) => r.total },
  ];
  return (
    <ChartCard title={title} fileSuffix={props.fileSuffix} csv={{ name: 'decisions', columns, rows: props.rows }}>
      <BarChart
        height={280}
        layout="horizontal"
        xAxis={[{ height: CATEGORY_AXIS_HEIGHT, ...COUNT_AXIS }]}
        yAxis={[{ scaleType: 'band', data: props.rows.map((r) => ruleLabel(r.rule)), width: NAME_AXIS_WIDTH }]}
        series={DECISION_OUTCOMES.map((k) => ({
          label: t(`decisionKind.${k}`),
          data: props.rows.map((r) => r[k]),
          stack: 'outcome',
        }))}
      />
    </ChartCard>
  );
}

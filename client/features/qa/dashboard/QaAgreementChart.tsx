import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { QaDashboard } from '../../../../shared/api/qa';
import { ChartCard } from '../../dashboard/ChartCard';
import { NAME_AXIS, useChartText } from '../../dashboard/chartText';

type Row = QaDashboard['byRule'][number];
export type QaAgreementBy = 'reviewer' | 'rule' | 'queue';

const TITLES = {
  reviewer: 'qa.dashboard.agreementByReviewer',
  rule: 'qa.dashboard.agreementByRule',
  queue: 'qa.dashboard.agreementByQueue',
} as const;

/** QA agreement (verdicts agreeing on every field) per reviewer, rule or queue, with its counts in the CSV. */
export function QaAgreementChart(props: {
  rows: Row[];
  by: QaAgreementBy;
  labelOf(row: Row): string;
  fileSuffix: string;
}) {
  const { t } = useTranslation();
  const { percent } = useChartText();
  const columns = [
    { header: t(`qa.dashboard.columns.${props.by}`), value: props.labelOf },
    { header: t('qa.dashboard.columns.tasks'), value: (r: Row) => r.scored },
    { header: t('qa.dashboard.columns.agreed'), value: (r: Row) => r.agreed },
    { header: t('qa.dashboard.columns.agreement'), value: (r: Row) => r.rate },
  ];
  return (
    <ChartCard
      title={t(TITLES[props.by])}
      caption={t('qa.dashboard.agreementCaption')}
      fileSuffix={props.fileSuffix}
      csv={{ name: `qa-agreement-by-${props.by}`, columns, rows: props.rows }}
    >
      <BarChart
        height={330}
        xAxis={[{ scaleType: 'band', data: props.rows.map(props.labelOf), ...NAME_AXIS }]}
        yAxis={[{ min: 0, max: 1, valueFormatter: (v: number) => percent(v) }]}
        series={[
          {
            label: t('qa.dashboard.columns.agreement'),
            data: props.rows.map((r) => r.rate),
            valueFormatter: (v) => percent(v),
          },
        ]}
      />
    </ChartCard>
  );
}

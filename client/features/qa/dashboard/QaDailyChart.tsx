import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import type { QaDashboard } from '../../../../shared/api/qa';
import { platformZoneName } from '../../../lib/platformTime';
import { ChartCard } from '../../dashboard/ChartCard';
import { CATEGORY_AXIS_HEIGHT, useChartText } from '../../dashboard/chartText';

type Row = QaDashboard['daily'][number];

/** Agreement per platform day over the period; a day with no verdict has no point (not 0 %). */
export function QaDailyChart(props: { rows: Row[]; fileSuffix: string }) {
  const { t } = useTranslation();
  const { percent } = useChartText();
  const zone = platformZoneName();
  const rate = (r: Row) => (r.scored ? r.agreed / r.scored : null);
  const columns = [
    { header: t('qa.dashboard.columns.day', { zone }), value: (r: Row) => r.day },
    { header: t('qa.dashboard.columns.tasks'), value: (r: Row) => r.scored },
    { header: t('qa.dashboard.columns.agreed'), value: (r: Row) => r.agreed },
    { header: t('qa.dashboard.columns.agreement'), value: rate },
  ];
  return (
    <ChartCard
      title={t('qa.dashboard.agreementDaily')}
      caption={t('common.timeZone', { zone })}
      fileSuffix={props.fileSuffix}
      csv={{ name: 'qa-agreement-daily', columns, rows: props.rows }}
    >
      <LineChart
        height={280}
        xAxis={[
          {
            scaleType: 'point',
            data: props.rows.map((r) => r.day.slice(5)),
            label: t('qa.dashboard.columns.day', { zone }),
            height: CATEGORY_AXIS_HEIGHT + 20,
          },
        ]}
        yAxis={[{ min: 0, max: 1, valueFormatter: (v: number) => percent(v) }]}
        series={[
          {
            label: t('qa.dashboard.columns.agreement'),
            data: props.rows.map(rate),
            valueFormatter: (v) => percent(v),
            curve: 'linear',
            connectNulls: false,
            // A day between days without verdicts has no line to it: its mark shows it.
            showMark: true,
          },
        ]}
      />
    </ChartCard>
  );
}

import {
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { LineChart } from '@mui/x-charts/LineChart';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectOverview } from '../../../shared/api/subjects';
import { formatPlatformTime, platformZoneName } from '../../lib/platformTime';
import { CATEGORY_AXIS_HEIGHT, COUNT_AXIS } from '../dashboard/chartText';
import { useLocalized, useRulebook } from '../rulebook/rulebookContext';
import { platformMonthDay } from './chartTime';

type Series = SubjectOverview['standing']['series'];

/** The chart's figures as a table for screen readers, off screen for everyone else. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Each ledger's points through the platform year, as steps: points change only when a finding
 * goes on record, and fall back at the year end (what survives it is the first step).
 */
export function StandingChartCard(props: { series: Series; onYear(year: number): void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { view } = useRulebook();
  const localized = useLocalized();
  const { series } = props;
  const dates = series.points.map((p) => new Date(p.at));
  return (
    <Paper component="section" aria-labelledby={titleId} sx={{ p: 2 }} data-testid="subject-standing-chart">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Stack sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h6" component="h2" id={titleId}>
            {t('subjectPage.chart.title', { year: series.year })}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="p">
            {t('subjectPage.chart.caption', { zone: platformZoneName() })}
          </Typography>
        </Stack>
        {series.years.length > 1 && (
          <TextField
            select
            size="small"
            label={t('subjectPage.chart.year')}
            value={series.year}
            onChange={(e) => props.onYear(Number(e.target.value))}
            sx={{ minWidth: 110 }}
          >
            {series.years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      {series.points.every((p) => p.kind !== 'finding') && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="subject-chart-empty">
          {t('subjectPage.chart.empty')}
        </Typography>
      )}
      {dates.length > 0 && (
        <LineChart
          height={260}
          xAxis={[
            {
              scaleType: 'time',
              data: dates,
              // The whole platform year, so steps sit where they fell in it.
              min: new Date(series.points[0]?.at ?? 0),
              max: dates.at(-1),
              valueFormatter: (d: Date) => platformMonthDay(d.getTime()),
              label: t('subjectPage.chart.at'),
              height: CATEGORY_AXIS_HEIGHT + 20,
            },
          ]}
          yAxis={[COUNT_AXIS]}
          series={view.ledgers.map((l) => ({
            id: l.id,
            label: localized(l.name),
            data: series.points.map((p) => p.points[l.id as keyof typeof p.points] ?? 0),
            curve: 'stepAfter' as const,
            // A mark where a finding went on record: a step of a few points in a long year is otherwise easy to miss.
            showMark: ({ index }: { index: number }) => series.points[index]?.kind === 'finding',
          }))}
        >
          {series.nodes.map((n) => (
            <ChartsReferenceLine
              key={`${n.finding}-${n.ledger}`}
              x={new Date(n.at)}
              label={t('subjectPage.chart.node', { nodes: n.nodes.join('/') })}
              labelAlign="start"
              lineStyle={{ strokeDasharray: '4 3' }}
            />
          ))}
        </LineChart>
      )}
      <Table size="small" sx={VISUALLY_HIDDEN}>
        <caption>{t('subjectPage.chart.table', { year: series.year })}</caption>
        <TableHead>
          <TableRow>
            <TableCell>{t('subjectPage.chart.at')}</TableCell>
            <TableCell>{t('subjectPage.chart.kind')}</TableCell>
            {view.ledgers.map((l) => (
              <TableCell key={l.id}>{localized(l.name)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {series.points.map((p) => (
            <TableRow key={`${p.at}-${p.kind}`}>
              <TableCell>{formatPlatformTime(p.at, i18n.language)}</TableCell>
              <TableCell>{t(`subjectPage.chart.pointKind.${p.kind}`)}</TableCell>
              {view.ledgers.map((l) => (
                <TableCell key={l.id}>{p.points[l.id as keyof typeof p.points] ?? 0}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

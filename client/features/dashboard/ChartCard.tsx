import Download from '@mui/icons-material/Download';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvColumn } from '../../../shared/metrics/csv';
import { downloadCsv } from './downloadCsv';

export interface ChartCsv<Row> {
  /** File name without extension; the period and date are added. */
  name: string;
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
}

/**
 * One dashboard chart: a titled region (so screen readers can jump between charts), an
 * optional caption saying how the figure is counted, and "export CSV" of exactly its data.
 */
export function ChartCard<Row>(props: {
  title: string;
  caption?: string;
  csv: ChartCsv<Row>;
  fileSuffix: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const { csv } = props;
  return (
    <Paper component="section" aria-labelledby={titleId} sx={{ p: 2, height: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="subtitle1" component="h2" id={titleId} sx={{ fontWeight: 600 }}>
            {props.title}
          </Typography>
          {props.caption && (
            <Typography variant="caption" color="text.secondary" component="p">
              {props.caption}
            </Typography>
          )}
        </Box>
        <Button
          size="small"
          startIcon={<Download />}
          sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          disabled={!csv.rows.length}
          onClick={() => downloadCsv(`${csv.name}-${props.fileSuffix}.csv`, csv.columns, csv.rows)}
        >
          {t('dashboard.exportCsv')}
        </Button>
      </Stack>
      <Box sx={{ mt: 1 }}>{props.children}</Box>
    </Paper>
  );
}

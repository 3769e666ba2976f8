import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalibrationMatrix } from '../../../shared/api/qaGold';
import { can } from '../../../shared/auth/roles';
import { useTRPC } from '../../lib/trpc';
import { useSession } from '../auth/useSession';

/** Who agreed with whom: a reviewer × reviewer table, plus each reviewer against the gold answer; CSV for leads. */
export function CalibrationMatrixView({ sessionId, matrix }: { sessionId: number; matrix: CalibrationMatrix }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [exporting, setExporting] = useState(false);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const cell = (c: { compared: number; agreed: number; rate: number | null } | undefined) =>
    c && c.rate !== null
      ? t('qaGold.calibration.cell', { rate: percent.format(c.rate), agreed: c.agreed, compared: c.compared })
      : t('qaGold.calibration.noCell');
  const pairOf = (a: number, b: number) =>
    matrix.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { fileName, csv } = await queryClient.fetchQuery(trpc.qa.calibration.csv.queryOptions({ id: sessionId }));
      const blob = new Blob([`\uFEFF${csv}\r\n`], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
            {t('qaGold.calibration.matrix')}
          </Typography>
          {user && can(user.role, 'qa.manage') && (
            <Button variant="outlined" disabled={exporting} onClick={() => void exportCsv()}>
              {t('qaGold.calibration.export')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('qaGold.calibration.matrixIntro')}
        </Typography>
        <Table size="small" aria-label={t('qaGold.calibration.matrix')} data-testid="calibration-matrix">
          <TableHead>
            <TableRow>
              <TableCell />
              {matrix.reviewers.map((r) => (
                <TableCell key={r.id}>{r.name}</TableCell>
              ))}
              <TableCell>{t('qaGold.calibration.vsGold')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {matrix.reviewers.map((row) => (
              <TableRow key={row.id}>
                <TableCell component="th" scope="row">
                  {row.name}
                </TableCell>
                {matrix.reviewers.map((col) => (
                  <TableCell key={col.id}>{row.id === col.id ? '' : cell(pairOf(row.id, col.id))}</TableCell>
                ))}
                <TableCell>{cell(matrix.gold.find((g) => g.reviewerId === row.id))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Stack>
    </Paper>
  );
}

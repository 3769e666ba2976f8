import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseDetail';

/** Why the case sits where it does in the queue: the score, factor by factor. */
export function TriageCard({ triage }: { triage: CaseDetail['triage'] }) {
  const { t } = useTranslation();
  const value = (f: CaseDetail['triage']['factors'][number]) => {
    if (f.value === null) return t('triage.unknown');
    if (f.factor === 'source') return t(`source.${f.value}` as 'source.user_report');
    if (f.factor === 'reporterCredibility') return `${Math.round(Number(f.value) * 100)}%`;
    if (f.factor === 'reporterMuted') return t('messages.reporters.muted');
    return String(f.value);
  };
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        {t('triage.title', { score: triage.score })}
      </Typography>
      <Table size="small" aria-label={t('triage.title', { score: triage.score })}>
        <TableHead>
          <TableRow>
            <TableCell>{t('triage.factor')}</TableCell>
            <TableCell>{t('triage.value')}</TableCell>
            <TableCell align="right">{t('triage.points')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {triage.factors.map((f) => (
            <TableRow key={f.factor}>
              <TableCell>{t(`triage.factors.${f.factor}` as 'triage.factors.age')}</TableCell>
              <TableCell>{value(f)}</TableCell>
              <TableCell align="right">{f.points > 0 ? `+${f.points}` : f.points}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

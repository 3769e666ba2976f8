import { Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { ReporterMuteButton } from './ReporterMute';

/** Beside a report: its reporter's score, whether they file many unfounded reports, and their mute. */
export function ReporterChips({ report }: { report: CaseDetail['reports'][number] }) {
  const { t } = useTranslation();
  const r = report.reporter;
  if (!report.reporterId || !r) return null;
  return (
    <>
      <Tooltip title={t('messages.reporters.counts', { upheld: r.upheld, dismissed: r.dismissed })}>
        <Chip
          size="small"
          component="span"
          data-testid="reporter-score"
          label={
            r.score === null ? t('messages.reporters.scoreNone') : t('messages.reporters.score', { score: r.score })
          }
        />
      </Tooltip>
      {r.flagged && <Chip size="small" component="span" color="warning" label={t('messages.reporters.flagged')} />}
      {r.muted && (
        <Chip size="small" component="span" color="default" variant="outlined" label={t('messages.reporters.muted')} />
      )}
      {report.reporterMutedAtIntake && (
        <Chip size="small" component="span" variant="outlined" label={t('messages.reporters.mutedAtIntake')} />
      )}
      <ReporterMuteButton reporterId={report.reporterId} muted={r.muted} />
    </>
  );
}

import { Grid, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QaDashboard } from '../../../../shared/api/qa';
import { LabeledField } from '../../../lib/LabeledField';
import { useRuleLabel } from '../../../lib/usePlatformNames';
import { useChartText } from '../../dashboard/chartText';
import { QaAgreementChart } from './QaAgreementChart';
import { QaDailyChart } from './QaDailyChart';

/**
 * The dashboard's QA section: agreement overall, per reviewer, rule and queue and per day, the
 * adjudication backlog and known-answer accuracy. The server scopes it like the rest of the
 * dashboard: a lead's team, or only the reviewer's own decisions (then no backlog or per-reviewer chart).
 */
export function QaSection(props: {
  qa: QaDashboard;
  team: boolean;
  queueLabel(queue: string | null): string;
  fileSuffix: string;
}) {
  const { t } = useTranslation();
  const ruleLabel = useRuleLabel();
  const { percent } = useChartText();
  const { qa } = props;
  const half = { xs: 12, lg: 6 } as const;
  return (
    <Stack spacing={2} component="section" aria-labelledby="qa-dashboard-title" data-testid="qa-dashboard">
      <Typography id="qa-dashboard-title" variant="h6" component="h2">
        {t('qa.dashboard.title')}
      </Typography>
      {!props.team && (
        <Typography variant="body2" color="text.secondary">
          {t('qa.dashboard.scopeSelf')}
        </Typography>
      )}
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <LabeledField label={t('qa.dashboard.agreement')}>
            <span data-testid="qa-agreement-rate">{qa.scored ? percent(qa.rate) : t('dashboard.noData')}</span>{' '}
            {t('qa.dashboard.agreedOf', { agreed: qa.agreed, scored: qa.scored })}
          </LabeledField>
          {props.team && (
            <LabeledField label={t('qa.dashboard.backlog')}>
              <span data-testid="qa-backlog">{t('qa.dashboard.backlogValue', { count: qa.backlog })}</span>
            </LabeledField>
          )}
          <LabeledField label={t('qa.dashboard.gold')}>
            <span data-testid="qa-gold">
              {qa.gold.answered
                ? t('qa.dashboard.goldValue', {
                    rate: percent(qa.gold.correct / qa.gold.answered),
                    correct: qa.gold.correct,
                    answered: qa.gold.answered,
                  })
                : t('dashboard.noData')}
            </span>
          </LabeledField>
        </Stack>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {t('qa.dashboard.goldCaption')}
        </Typography>
      </Paper>
      <Grid container spacing={2}>
        <Grid size={half}>
          <QaDailyChart rows={qa.daily} fileSuffix={props.fileSuffix} />
        </Grid>
        {props.team && (
          <Grid size={half}>
            <QaAgreementChart
              rows={qa.byReviewer}
              by="reviewer"
              labelOf={(r) => r.label}
              fileSuffix={props.fileSuffix}
            />
          </Grid>
        )}
        <Grid size={half}>
          <QaAgreementChart
            rows={qa.byRule}
            by="rule"
            labelOf={(r) => ruleLabel(r.key)}
            fileSuffix={props.fileSuffix}
          />
        </Grid>
        <Grid size={half}>
          <QaAgreementChart
            rows={qa.byQueue}
            by="queue"
            labelOf={(r) => props.queueLabel(r.key)}
            fileSuffix={props.fileSuffix}
          />
        </Grid>
      </Grid>
    </Stack>
  );
}

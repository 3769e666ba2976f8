import { Grid, Link, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { QaAdjudicationItem } from '../../../shared/api/qa';
import { type Adjudicated, AdjudicateForm } from './AdjudicateForm';
import { ScoreTable } from './ScoreTable';
import { VerdictColumn } from './VerdictColumn';

/** One disagreement opened: both verdicts side by side, the field-by-field score, and the ruling. */
export function DisagreementDetail(props: { item: QaAdjudicationItem; onDone(result: Adjudicated): void }) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="qa-disagreement-title" data-testid="qa-disagreement">
      <Stack spacing={2}>
        <Typography id="qa-disagreement-title" variant="h6" component="h2">
          {t('qa.adjudication.detailTitle', { id: item.taskId })} ·{' '}
          <Link component={RouterLink} to={`/cases/${item.caseId}`}>
            {t('qa.adjudication.caseOf', { id: item.caseId })}
          </Link>
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <VerdictColumn
              title={t('qa.adjudication.original')}
              byLabel={t('qa.adjudication.decidedBy', { name: item.first.by.name })}
              verdict={item.first}
              worth={item.scores.effects.first}
              testId="qa-first-verdict"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <VerdictColumn
              title={t('qa.adjudication.qaVerdict')}
              byLabel={t('qa.adjudication.reviewedBy', { name: item.second.by.name })}
              verdict={item.second}
              worth={item.scores.effects.second}
              testId="qa-second-verdict"
            />
          </Grid>
        </Grid>
        <ScoreTable scores={item.scores} />
        <AdjudicateForm key={item.taskId} taskId={item.taskId} disabled={!item.canAdjudicate} onDone={props.onDone} />
      </Stack>
    </Paper>
  );
}

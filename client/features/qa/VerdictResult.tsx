import { Alert, Paper, Snackbar, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { qaSubmitOutput } from '../../../shared/api/qa';
import { NextQaTaskButton } from './NextQaTaskButton';
import { ScoreChips } from './ScoreChips';
import { useNextQaTask } from './useNextQaTask';

/**
 * What came of a submitted verdict, field by field (agree or not: never what the first decision
 * was), and the way on to the next task, which has the focus so Enter or n moves on.
 */
export function VerdictResult(props: { taskId: number; result: z.infer<typeof qaSubmitOutput> }) {
  const { t } = useTranslation();
  const next = useNextQaTask();
  const agreed = props.result.status === 'agreed';
  return (
    <Paper component="section" aria-labelledby="qa-result-title" sx={{ p: 2 }} data-testid="qa-verdict-result">
      <Stack spacing={1.5}>
        <Typography id="qa-result-title" variant="h6" component="h2">
          {t('qa.verdict.submitted')}
        </Typography>
        <Alert severity={agreed ? 'success' : 'warning'}>
          {agreed ? t('qa.verdict.resultAgree') : t('qa.verdict.resultDisagree')}
        </Alert>
        <ScoreChips scores={props.result.scores} />
        <div>
          <NextQaTaskButton onClick={next.take} pending={next.pending} autoFocus />
        </div>
      </Stack>
      <Snackbar
        open={next.empty || Boolean(next.error)}
        autoHideDuration={4000}
        onClose={next.dismiss}
        message={next.error ?? t('qa.nextEmpty')}
      />
    </Paper>
  );
}

import FactCheck from '@mui/icons-material/FactCheck';
import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NextQaTaskButton } from './NextQaTaskButton';
import { QaHeader } from './QaHeader';
import { useNextQaTask } from './useNextQaTask';

/**
 * The QA reviewer's start: what a QA check is, and "next QA task" (n), which opens the task the
 * reviewer holds or takes the next one; when nothing waits, it says so here.
 */
export function QaTasksPage() {
  const { t } = useTranslation();
  const next = useNextQaTask();
  return (
    <Stack spacing={2}>
      <QaHeader tab="tasks" />
      <Typography variant="body2" color="text.secondary">
        {t('qa.intro')}
      </Typography>
      <div>
        <NextQaTaskButton onClick={next.take} pending={next.pending} />
      </div>
      {next.error && <Alert severity="error">{next.error}</Alert>}
      {next.empty && (
        <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }} role="status" data-testid="qa-empty">
          <FactCheck color="disabled" sx={{ fontSize: 40 }} aria-hidden />
          <Typography variant="h6" component="h2">
            {t('qa.emptyTitle')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('qa.emptyText')}
          </Typography>
        </Paper>
      )}
    </Stack>
  );
}

import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QaTaskView } from '../../../shared/api/qa';
import { LabeledField } from '../../lib/LabeledField';
import { PlatformChip } from '../../lib/PlatformChip';
import { subjectPlatform } from '../../lib/platforms';
import { formatPlatformTime } from '../../lib/platformTime';
import { useRuleLabel } from '../../lib/usePlatformNames';
import { useQueueName } from '../../lib/useQueueName';

/**
 * The case as it was reported, for a blind check: who it is about and what the reports allege.
 * No status, assignee, decision or link to the case or subject pages, where the first decision
 * (and its effect on the standing) shows.
 */
export function BlindCaseHeader({ task }: { task: QaTaskView }) {
  const { t, i18n } = useTranslation();
  const ruleLabel = useRuleLabel();
  const queueName = useQueueName();
  const c = task.case;
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h5" component="h1">
        {t('qa.task.title', { id: task.taskId })}
      </Typography>
      <Typography variant="subtitle1" color="text.secondary">
        {t('qa.task.caseLine', { id: c.id, rule: ruleLabel(c.rule) })}
      </Typography>
      <Alert severity="info" icon={<VisibilityOff />} sx={{ my: 1.5 }} data-testid="qa-blind-notice">
        {t('qa.task.blind')}
      </Alert>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <LabeledField label={t('qa.task.subject')}>
          {c.subject.name ?? c.subject.id} ({t(`subjectKind.${c.subject.kind}`)} · {c.subject.id})
        </LabeledField>
        <LabeledField label={t('qa.task.platform')}>
          <PlatformChip platform={subjectPlatform(c.subject)} />
        </LabeledField>
        {c.subject.shopLevel && <LabeledField label={t('case.shopLevel')}>{c.subject.shopLevel}</LabeledField>}
        <LabeledField label={t('qa.task.alleged')}>{ruleLabel(c.rule)}</LabeledField>
        <LabeledField label={t('queue.columns.source')}>{t(`source.${c.source}`)}</LabeledField>
        <LabeledField label={t('qa.task.queue')}>{queueName(c.queue) ?? t('case.unrouted')}</LabeledField>
        <LabeledField label={t('qa.task.createdAt')}>{formatPlatformTime(c.createdAt, i18n.language)}</LabeledField>
      </Stack>
      <Typography sx={{ mt: 1.5 }}>{c.summary}</Typography>
    </Paper>
  );
}

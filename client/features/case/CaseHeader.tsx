import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { LabeledField } from '../../lib/LabeledField';
import { formatPlatformTime } from '../../lib/platformTime';
import { useNow } from '../../lib/useNow';
import { useQueueName } from '../../lib/useQueueName';
import { SubjectLink } from '../subject/SubjectLink';
import { SlaCell } from '../worklist/SlaCell';
import { MaskedPii } from './pii/MaskedPii';
import { PresenceBar } from './presence/PresenceBar';
import { RenameSubject } from './RenameSubject';

/** Who the case is about, what it alleges, where it stands, and when it is due. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const now = useNow(30_000);
  const queueName = useQueueName();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  // A case closed by a decision an appeal reversed is not "in effect": its decision's state says what it is.
  const reversed = c.decision && (c.decision.status === 'overturned' || c.decision.status === 'adjusted');
  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {t('case.title', { id: c.id })} · {t(`rule.${c.rule}`, { defaultValue: c.rule })}
        </Typography>
        <Chip
          label={reversed && c.decision ? t(`decisionStatus.${c.decision.status}`) : t(`status.${c.status}`)}
          color={reversed ? 'warning' : 'primary'}
          variant="outlined"
          data-testid="case-status"
        />
        {c.decision && c.decision.status !== 'effective' && (
          <Typography variant="body2" color="text.secondary" data-testid="case-decision-state">
            {t(`decisionStatus.${c.decision.status}`)} ·{' '}
            {t('case.decisionChanged', { name: c.decision.changedBy.name, at: time(c.decision.changedAt) })}
          </Typography>
        )}
        <SlaCell dueAt={c.sla.dueAt} state={c.sla.state} now={now} />
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
        <LabeledField label={t('case.subject')}>
          <SubjectLink id={c.subject.id} name={c.subject.name} /> ({t(`subjectKind.${c.subject.kind}`)} · {c.subject.id}
          ) <RenameSubject subject={c.subject} />
        </LabeledField>
        {c.subject.phoneMasked && (
          <LabeledField label={t('pii.phone')}>
            <MaskedPii
              key={`${c.subject.id}-phone`}
              subjectId={c.subject.id}
              caseId={c.id}
              field="phone"
              masked={c.subject.phoneMasked}
            />
          </LabeledField>
        )}
        {c.subject.addressMasked && (
          <LabeledField label={t('pii.address')}>
            <MaskedPii
              key={`${c.subject.id}-address`}
              subjectId={c.subject.id}
              caseId={c.id}
              field="address"
              masked={c.subject.addressMasked}
            />
          </LabeledField>
        )}
        {c.subject.shopLevel && <LabeledField label={t('case.shopLevel')}>{c.subject.shopLevel}</LabeledField>}
        {c.subject.registeredAt && (
          <LabeledField label={t('case.registeredAt')}>{time(c.subject.registeredAt)}</LabeledField>
        )}
        <LabeledField label={t('queue.columns.source')}>{t(`source.${c.source}`)}</LabeledField>
        <LabeledField label={t('case.queue')}>{queueName(c.queue) ?? t('case.unrouted')}</LabeledField>
        <LabeledField label={t('queue.columns.assignee')}>
          {c.assignee?.name ?? t('queue.filters.unassigned')}
        </LabeledField>
        {c.status === 'assigned' && c.leaseUntil && (
          <LabeledField label={t('case.leaseUntil')}>{time(c.leaseUntil)}</LabeledField>
        )}
        <LabeledField label={t('queue.columns.createdAt')}>{time(c.createdAt)}</LabeledField>
        {c.sla.forecastAt && (
          <LabeledField label={t('case.forecast')}>
            {t('case.ahead', { time: time(c.sla.forecastAt), count: c.sla.ahead ?? 0 })}
          </LabeledField>
        )}
      </Stack>
      <Typography sx={{ mt: 1.5 }}>{c.summary}</Typography>
      <Box sx={{ mt: 1, '&:empty': { display: 'none' } }}>
        <PresenceBar />
      </Box>
    </Paper>
  );
}

import { Alert, Card, CardContent, CardHeader, Divider, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { NoticeView } from '../../../shared/api/caseHistory';
import { factText } from '../../../shared/notices/factLabels';
import { LabeledField } from '../../lib/LabeledField';
import { formatPlatformTime } from '../../lib/platformTime';
import { NoticeText } from '../case/history/NoticeText';
import type { OriginalDecision } from './originalDecision';

/**
 * The decision under appeal as it was made (rule, facts, reason, who and when) and the notices
 * the subject received about it, in the staff's language. After a ruling the outcome notice
 * joins them: the server files it under the same decision.
 */
export function OriginalDecisionCard(props: { decision: OriginalDecision | undefined; notices: NoticeView[] }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const d = props.decision;
  return (
    <Card variant="outlined" data-testid="original-decision">
      <CardHeader title={t('appeals.original.title')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {!d ? (
          <Alert severity="warning">{t('appeals.original.notFound')}</Alert>
        ) : (
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <LabeledField label={t('appeals.original.rule')}>
                {d.rule ? t(`rule.${d.rule}`, { defaultValue: d.rule }) : '—'}
              </LabeledField>
              {d.violationAt && (
                <LabeledField label={t('appeals.original.violationAt')}>{time(d.violationAt)}</LabeledField>
              )}
              <LabeledField label={t('appeals.original.decidedBy')}>{d.decidedBy.name}</LabeledField>
              <LabeledField label={t('appeals.original.decidedAt')}>{time(d.decidedAt)}</LabeledField>
              {d.reviewedBy && (
                <LabeledField label={t('appeals.original.approvedBy')}>{d.reviewedBy.name}</LabeledField>
              )}
              <LabeledField label={t('appeals.original.status')}>
                <span data-testid="original-decision-status">
                  {t(`decisionStatus.${d.status}`)}
                  {d.status !== 'effective' &&
                    ` · ${t('case.decisionChanged', { name: d.statusChangedBy.name, at: time(d.statusChangedAt) })}`}
                </span>
              </LabeledField>
            </Stack>
            <LabeledField label={t('appeals.original.facts')}>
              <FactsList rule={d.rule} facts={d.facts ?? {}} />
            </LabeledField>
            <LabeledField label={t('appeals.original.reason')}>{d.reason}</LabeledField>
          </Stack>
        )}
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
          {t('appeals.original.notices')}
        </Typography>
        {props.notices.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('appeals.original.noNotice')}
          </Typography>
        ) : (
          <Stack spacing={2}>
            {props.notices.map((n) => (
              <NoticeText key={n.id} notice={n} />
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

/** The facts as the notice states them to the subject (shared/notices/factLabels), in the staff's language. */
function FactsList({ rule, facts }: { rule: string | null; facts: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const entries = Object.entries(facts);
  if (!entries.length) return <>{t('appeals.original.noFacts')}</>;
  return (
    <Stack component="ul" sx={{ m: 0, pl: 2 }}>
      {entries.map(([name, value]) => (
        <li key={name}>{factText(rule ?? '', name, value, lang)}</li>
      ))}
    </Stack>
  );
}

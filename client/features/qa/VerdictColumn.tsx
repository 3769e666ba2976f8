import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { qaVerdictView } from '../../../shared/api/qa';
import { LabeledField } from '../../lib/LabeledField';
import { formatPlatformTime } from '../../lib/platformTime';
import { useRuleLabel } from '../../lib/usePlatformNames';
import { useVerdictText } from './useVerdictText';
import type { Worth } from './VerdictWorth';

/** One of the two verdicts a lead compares: outcome, rule, the engine's points and measures, facts and reason. */
export function VerdictColumn(props: {
  title: string;
  byLabel: string;
  verdict: z.infer<typeof qaVerdictView>;
  worth: Worth | null;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const ruleLabel = useRuleLabel();
  const text = useVerdictText();
  const v = props.verdict;
  const facts = Object.entries(v.facts ?? {});
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, height: '100%' }}
      data-testid={props.testId}
      component="section"
      aria-label={props.title}
    >
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {props.title}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {props.byLabel} · {formatPlatformTime(v.at, i18n.language)}
      </Typography>
      <Stack spacing={1}>
        <LabeledField label={t('qa.fields.kind')}>{t(`qa.verdict.kinds.${v.decision}`)}</LabeledField>
        <LabeledField label={t('qa.fields.rule')}>
          {v.rule ? ruleLabel(v.rule) : t('qa.adjudication.noRule')}
        </LabeledField>
        <LabeledField label={t('qa.fields.points')}>{text.points(v.rule, props.worth)}</LabeledField>
        <LabeledField label={t('qa.fields.measures')}>{text.measures(props.worth)}</LabeledField>
        {facts.length > 0 && (
          <LabeledField label={t('qa.adjudication.factsLabel')}>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {facts.map(([name, value]) => (
                <li key={name}>
                  {text.factName(v.rule, name)}：{text.factValue(value)}
                </li>
              ))}
            </Box>
          </LabeledField>
        )}
        <LabeledField label={t('qa.adjudication.reasonLabel')}>
          <Box component="span" sx={{ whiteSpace: 'pre-wrap' }}>
            {v.reason}
          </Box>
        </LabeledField>
      </Stack>
    </Paper>
  );
}

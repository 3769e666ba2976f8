import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { QA_DECISIONS, type QaDecision } from '../../../shared/qa/verdict';
import { parseFacts, useVerdictText } from './verdictText';

export interface VerdictDraft {
  decision: QaDecision;
  facts: string;
}

/** The decision kind and the facts (JSON) of a verdict under the case's own rule. */
export function VerdictFields(props: {
  rule: string;
  value: VerdictDraft;
  onChange(v: VerdictDraft): void;
  decisionLabel: string;
  ruleLabel: string;
  factsLabel: string;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const { ruleName, decisionName } = useVerdictText();
  const finding = props.value.decision !== 'dismiss';
  const factsBad = finding && parseFacts(props.value.facts) === undefined;
  return (
    <Stack spacing={2}>
      <TextField
        select
        label={props.decisionLabel}
        value={props.value.decision}
        onChange={(e) => props.onChange({ ...props.value, decision: e.target.value as QaDecision })}
        slotProps={{ select: { SelectDisplayProps: { id: `${props.idPrefix}-decision` } } }}
      >
        {QA_DECISIONS.map((d) => (
          <MenuItem key={d} value={d}>
            {decisionName(d)}
          </MenuItem>
        ))}
      </TextField>
      {finding && (
        <>
          <TextField label={props.ruleLabel} value={ruleName(props.rule)} slotProps={{ input: { readOnly: true } }} />
          <TextField
            label={props.factsLabel}
            value={props.value.facts}
            onChange={(e) => props.onChange({ ...props.value, facts: e.target.value })}
            error={factsBad}
            helperText={factsBad ? t('qaGold.mark.factsInvalid') : ' '}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': `${props.idPrefix}-facts` } }}
          />
        </>
      )}
    </Stack>
  );
}

/** The verdict to send, or undefined while the facts are not a JSON object. */
export function verdictOf(rule: string, draft: VerdictDraft) {
  if (draft.decision === 'dismiss') return { decision: draft.decision };
  const facts = parseFacts(draft.facts);
  if (facts === undefined) return undefined;
  return { decision: draft.decision, rule, ...(facts ? { facts } : {}) };
}

import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_DECISIONS, type AppealView } from '../../../shared/api/appeals';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { FactsFields } from '../case/decision/FactsFields';
import { type FactInputs, initialFactInputs, toFacts } from '../case/decision/factsForm';
import { useRulebook } from '../rulebook/rulebookContext';
import type { OriginalDecision } from './originalDecision';
import { refreshAfterAppealChange } from './useLiveAppealChanges';

type AppealDecision = (typeof APPEAL_DECISIONS)[number];

const DEFAULT_EVIDENCE_DAYS = '3';

/** `appeals.decide` input errors name the fact as `facts.<name>`: that field gets the message. */
function refusedFact(error: unknown): string | null {
  const data = (error as { data?: { reason?: string; field?: string } } | null)?.data;
  if (data?.reason !== 'invalid_facts' || !data.field?.startsWith('facts.')) return null;
  return data.field.split('.')[1] ?? null;
}

/**
 * Approve (optionally as partial relief: a lighter finding on new facts, entered in the same
 * facts form the decision panel uses), reject (optionally recording false evidence), or send
 * it back to the member for evidence with a deadline.
 */
export function AppealDecideForm(props: {
  appeal: AppealView;
  decision: OriginalDecision | undefined;
  onDecided(status: string): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { view } = useRulebook();
  const facts = view.rules.find((r) => r.id === props.appeal.rule)?.facts ?? [];
  const [kind, setKind] = useState<AppealDecision>('approve');
  const [reason, setReason] = useState('');
  const [relief, setRelief] = useState(false);
  // Relief starts from the original findings: the officer lowers what the appeal disproved.
  const [inputs, setInputs] = useState<FactInputs>(() => initialFactInputs(facts, [props.decision?.facts ?? null]));
  const [showAllProblems, setShowAllProblems] = useState(false);
  const [falseEvidence, setFalseEvidence] = useState(false);
  const [days, setDays] = useState(DEFAULT_EVIDENCE_DAYS);
  const decide = useMutation(
    trpc.appeals.decide.mutationOptions({
      onSuccess: (result) => {
        props.onDecided(result.status);
        void refreshAfterAppealChange(queryClient, trpc);
      },
    }),
  );
  const errorText = useTranslatedError(decide.error);
  const refused = refusedFact(decide.error);
  // Shown next to its field when the form has that field; otherwise as the panel's error.
  const fact = refused && facts.some((f) => f.name === refused) ? refused : null;
  const relieved = toFacts(facts, inputs);
  const daysNumber = Number(days);
  const daysValid = Number.isInteger(daysNumber) && daysNumber >= 1 && daysNumber <= 30;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim() || decide.isPending) return;
    const withRelief = kind === 'approve' && relief;
    if (withRelief && Object.keys(relieved.problems).length) {
      setShowAllProblems(true);
      return;
    }
    if (kind === 'request_evidence' && !daysValid) return;
    decide.mutate({
      id: props.appeal.id,
      decision: kind,
      reason: reason.trim(),
      ...(withRelief ? { reliefFacts: relieved.facts } : {}),
      ...(kind === 'reject' && falseEvidence ? { falseEvidence: true } : {}),
      ...(kind === 'request_evidence' ? { evidenceDays: daysNumber } : {}),
    });
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} aria-label={t('appeals.decide.title')}>
      <ToggleButtonGroup
        exclusive
        fullWidth
        size="small"
        color="primary"
        value={kind}
        onChange={(_e, next: AppealDecision | null) => next && setKind(next)}
        aria-label={t('appeals.decide.kind')}
      >
        {APPEAL_DECISIONS.map((k) => (
          <ToggleButton key={k} value={k}>
            {t(`appeals.decide.${k}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <TextField
        required
        multiline
        minRows={2}
        label={t('appeals.decide.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      {kind === 'approve' && (
        <>
          <FormControlLabel
            control={<Checkbox checked={relief} onChange={(e) => setRelief(e.target.checked)} />}
            label={t('appeals.decide.partialRelief')}
          />
          {relief && (
            <Stack spacing={1}>
              <Typography variant="body2" color="text.secondary">
                {t('appeals.decide.reliefHint')}
              </Typography>
              <FactsFields
                ruleId={props.appeal.rule}
                facts={facts}
                inputs={inputs}
                onChange={(name, value) => setInputs((prev) => ({ ...prev, [name]: value }))}
                problems={relieved.problems}
                showAllProblems={showAllProblems}
                serverProblem={fact && errorText ? { fact, message: errorText } : null}
                disabled={decide.isPending}
              />
            </Stack>
          )}
        </>
      )}
      {kind === 'reject' && (
        <FormControlLabel
          control={<Checkbox checked={falseEvidence} onChange={(e) => setFalseEvidence(e.target.checked)} />}
          label={t('appeals.decide.falseEvidence')}
        />
      )}
      {kind === 'request_evidence' && (
        <TextField
          required
          type="number"
          label={t('appeals.decide.evidenceDays')}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={!daysValid}
          helperText={daysValid ? t('appeals.decide.evidenceDaysHint') : t('appeals.decide.evidenceDaysInvalid')}
          slotProps={{ htmlInput: { min: 1, max: 30, step: 1 } }}
        />
      )}
      {errorText && !fact && <Alert severity="error">{errorText}</Alert>}
      <Button
        type="submit"
        variant="contained"
        color={kind === 'reject' ? 'error' : 'primary'}
        disabled={!reason.trim() || decide.isPending}
      >
        {t(`appeals.decide.submit.${kind}`)}
      </Button>
    </Stack>
  );
}

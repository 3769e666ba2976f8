import { Autocomplete, FormControlLabel, FormHelperText, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FactView } from '../../../../shared/api/rulebook';
import { MultiSelectField } from '../../../lib/MultiSelectField';
import { useLocalized, useRulebook } from '../../rulebook/rulebookContext';
import { emptyInput, type FactInput, type FactInputs, type FactProblem } from './factsForm';
import { ruleMeasureIds } from './ruleMeasures';

/** The DOM id of a fact's field, so the panel can move focus to the first one with a problem. */
export const factFieldId = (name: string) => `fact-${name}`;

/**
 * The rule's facts as fields generated from the rulebook's spec: integers with their bounds,
 * switches, a select for enums, chips for item ids, and the measures table for measures.
 * The view only: reading and checking the inputs is the pure `factsForm.ts`.
 */
export function FactsFields(props: {
  /** The rule the facts belong to: one fact name can mean different things in two rules. */
  ruleId: string;
  facts: readonly FactView[];
  inputs: FactInputs;
  onChange(name: string, value: FactInput): void;
  problems: Record<string, FactProblem>;
  /** Show every problem, also of untouched fields (after the reviewer tried to decide). */
  showAllProblems: boolean;
  /** A fact the server refused, with its message. */
  serverProblem?: { fact: string; message: string } | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { view } = useRulebook();
  const localized = useLocalized();
  // Only the rule's own measures, from its platform's rulebook (the gate above loads that one).
  const measureIds = ruleMeasureIds(
    view.rules.find((r) => r.id === props.ruleId),
    view.measures.map((m) => m.id),
  );
  const measureLabel = (id: string) => {
    const m = view.measures.find((x) => x.id === id);
    return m ? localized(m.label) : id;
  };
  const factLabel = (name: string) => t([`factByRule.${props.ruleId}.${name}`, `fact.${name}`], { defaultValue: name });
  const label = (fact: FactView) => factLabel(fact.name);

  if (props.facts.length === 0) return null;
  return (
    <Stack spacing={1.5}>
      {props.facts.map((fact) => {
        const input = props.inputs[fact.name] ?? emptyInput(fact);
        const touched = JSON.stringify(input) !== JSON.stringify(emptyInput(fact));
        const problem = props.problems[fact.name];
        const serverMessage = props.serverProblem?.fact === fact.name ? props.serverProblem.message : null;
        const message =
          serverMessage ?? (problem && (touched || props.showAllProblems) ? problemText(t, problem, factLabel) : null);
        const helper = message ?? localized(fact.description);
        const id = factFieldId(fact.name);
        const common = {
          id,
          label: label(fact),
          disabled: props.disabled,
          error: Boolean(message),
          helperText: helper,
          fullWidth: true,
          size: 'small' as const,
        };
        switch (fact.type) {
          case 'integer':
            return (
              <TextField
                key={fact.name}
                {...common}
                required={fact.required}
                value={input}
                onChange={(e) => props.onChange(fact.name, e.target.value)}
                slotProps={{
                  htmlInput: { inputMode: 'numeric', min: fact.min ?? undefined, max: fact.max ?? undefined },
                }}
              />
            );
          case 'boolean':
            return (
              <div key={fact.name}>
                <FormControlLabel
                  control={
                    <Switch
                      id={id}
                      checked={input === true}
                      disabled={props.disabled}
                      onChange={(e) => props.onChange(fact.name, e.target.checked)}
                    />
                  }
                  label={label(fact)}
                />
                <FormHelperText sx={{ mt: -0.5, ml: 0 }}>{helper}</FormHelperText>
              </div>
            );
          case 'enum':
            return (
              <TextField
                key={fact.name}
                {...common}
                select
                required={fact.required}
                value={input}
                onChange={(e) => props.onChange(fact.name, e.target.value)}
              >
                {!fact.required && (
                  <MenuItem value="">
                    <em>{t('decision.none')}</em>
                  </MenuItem>
                )}
                {(fact.values ?? []).map((v) => (
                  <MenuItem key={v} value={v}>
                    {t(`factValue.${v}`, { defaultValue: v })}
                  </MenuItem>
                ))}
              </TextField>
            );
          case 'strings':
            return (
              <Autocomplete
                key={fact.name}
                id={id}
                multiple
                freeSolo
                // Leaving the field keeps what was typed as one more chip: no input is lost.
                autoSelect
                options={[] as string[]}
                value={Array.isArray(input) ? input : []}
                disabled={props.disabled}
                onChange={(_e, next) =>
                  props.onChange(fact.name, next.flatMap((v) => v.split(/[\s,，]+/)).filter(Boolean))
                }
                renderInput={(params) => (
                  <TextField
                    {...params}
                    label={label(fact)}
                    size="small"
                    error={Boolean(message)}
                    helperText={
                      message ?? (
                        <span>
                          {t('decision.chipsHint')} · {localized(fact.description)}
                        </span>
                      )
                    }
                  />
                )}
              />
            );
          case 'measures':
            return (
              <MultiSelectField
                key={fact.name}
                label={label(fact)}
                options={measureIds}
                value={Array.isArray(input) ? input : []}
                onChange={(next) => props.onChange(fact.name, next)}
                labelOf={measureLabel}
                error={message ?? undefined}
                helperText={localized(fact.description)}
                size="small"
              />
            );
        }
        return null;
      })}
    </Stack>
  );
}

export function problemText(
  t: (key: string, o?: Record<string, unknown>) => string,
  problem: FactProblem,
  factLabel: (fact: string) => string,
): string {
  switch (problem.code) {
    case 'min':
    case 'max':
      return t(`decision.problem.${problem.code}`, { value: problem.value });
    case 'requiredWhen':
      return t('decision.problem.requiredWhen', {
        fact: factLabel(problem.fact),
        value: t(`factValue.${String(problem.value)}`, { defaultValue: String(problem.value) }),
      });
    default:
      return t(`decision.problem.${problem.code}`);
  }
}

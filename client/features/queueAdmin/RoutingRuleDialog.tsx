import { FormControlLabel, MenuItem, Switch, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_IDS } from '../../../shared/api/intake';
import type { QueueView } from '../../../shared/api/queues';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../../../shared/cases/enums';
import type { RoutingRule } from '../../../shared/cases/routing';
import { RULE_SEVERITY } from '../../../shared/cases/triage';
import { PLATFORM_IDS } from '../../../shared/rulebook/platforms';
import { FormDialog } from '../../lib/FormDialog';
import { MultiSelectField } from '../../lib/MultiSelectField';
import { ruleIdsFor } from '../../lib/platforms';
import { useTRPC } from '../../lib/trpc';
import { usePlatformName, useRuleLabel } from '../../lib/usePlatformNames';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { queueName } from './queueName';
import {
  offPlatformRules,
  type RoutingFormErrors,
  routingFormOf,
  unknownRules,
  validateRoutingForm,
} from './routingForm';

const SEVERITIES = [1, 2, 3, 4, 5] as const;

/** Adds a routing rule (`rule` null, placed at `newPosition`) or edits one in place. */
export function RoutingRuleDialog(props: {
  rule: RoutingRule | null;
  newPosition: number;
  queues: QueueView[];
  onClose(): void;
  onSaved(): void | Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [values, setValues] = useState(() => routingFormOf(props.rule, props.queues[0]?.id ?? ''));
  const [errors, setErrors] = useState<RoutingFormErrors>({});
  const save = useMutation(trpc.queues.saveRoutingRule.mutationOptions());
  const serverError = useTranslatedError(save.error);
  const platformName = usePlatformName();
  const ruleLabel = useRuleLabel();
  const queueIds = useMemo(() => new Set(props.queues.map((q) => q.id)), [props.queues]);
  // The chosen platforms' rules are offered; a stored rule id the rulebook dropped, or one of a
  // platform since taken off, stays visible (and flagged) instead of vanishing.
  const ruleOptions = useMemo(() => {
    const offered = RULE_IDS.filter((id) => ruleIdsFor(values.platforms).includes(id));
    return [...new Set([...offered, ...values.rules])];
  }, [values.platforms, values.rules]);
  // Names the rules at fault: unknown ones (by id, as stored) or ones of no chosen platform.
  const rulesError = (key: string) => {
    const rules = unknownRules(values).length ? unknownRules(values) : offPlatformRules(values);
    return t(key, { list: new Intl.ListFormat(i18n.language).format(rules.map(ruleLabel)) });
  };

  const submit = () => {
    const checked = validateRoutingForm(values, queueIds);
    setErrors(checked.errors);
    if (!checked.match) return;
    save.mutate(
      {
        id: props.rule?.id,
        position: props.rule?.position ?? props.newPosition,
        queueId: values.queueId,
        match: checked.match,
        enabled: values.enabled,
      },
      { onSuccess: () => props.onSaved() },
    );
  };

  return (
    <FormDialog
      title={t(props.rule ? 'queues.routing.form.editTitle' : 'queues.routing.form.createTitle')}
      pending={save.isPending}
      error={serverError}
      confirmLabel={t(save.isPending ? 'queues.saving' : 'queues.save')}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <TextField
        select
        autoFocus
        label={t('queues.routing.form.queue')}
        value={queueIds.has(values.queueId) ? values.queueId : ''}
        onChange={(e) => setValues({ ...values, queueId: e.target.value })}
        required
        error={Boolean(errors.queueId)}
        helperText={errors.queueId ? t(errors.queueId) : undefined}
      >
        {props.queues.map((q) => (
          <MenuItem key={q.id} value={q.id}>
            {queueName(q, i18n.language)}
          </MenuItem>
        ))}
      </TextField>
      <MultiSelectField
        label={t('platforms.routing.platforms')}
        options={PLATFORM_IDS}
        value={values.platforms}
        onChange={(platforms) => setValues({ ...values, platforms })}
        labelOf={platformName}
        helperText={t('queues.routing.form.anyWhenEmpty')}
      />
      <MultiSelectField
        label={t('queues.routing.form.rules')}
        options={ruleOptions}
        value={values.rules}
        onChange={(rules) => setValues({ ...values, rules })}
        labelOf={ruleLabel}
        detailOf={(r) => {
          const n = RULE_SEVERITY[r];
          return n === undefined ? undefined : t('queues.routing.form.severityOf', { n });
        }}
        error={errors.rules && rulesError(errors.rules)}
        helperText={t('queues.routing.form.anyWhenEmpty')}
      />
      <MultiSelectField
        label={t('queues.routing.form.subjectKinds')}
        options={SUBJECT_KINDS}
        value={values.subjectKinds}
        onChange={(subjectKinds) => setValues({ ...values, subjectKinds })}
        labelOf={(k) => t(`subjectKind.${k}`)}
        helperText={t('queues.routing.form.anyWhenEmpty')}
      />
      <MultiSelectField
        label={t('queues.routing.form.sources')}
        options={REPORT_SOURCES}
        value={values.sources}
        onChange={(sources) => setValues({ ...values, sources })}
        labelOf={(s) => t(`source.${s}`)}
        helperText={t('queues.routing.form.anyWhenEmpty')}
      />
      <TextField
        select
        label={t('queues.routing.form.minSeverity')}
        value={values.minSeverity === null ? 'any' : String(values.minSeverity)}
        onChange={(e) =>
          setValues({ ...values, minSeverity: e.target.value === 'any' ? null : Number(e.target.value) })
        }
        helperText={t('queues.routing.form.minSeverityHelp')}
      >
        <MenuItem value="any">{t('queues.routing.form.anySeverity')}</MenuItem>
        {SEVERITIES.map((n) => (
          <MenuItem key={n} value={String(n)}>
            {t('queues.routing.form.severityAtLeast', { n })}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch checked={values.enabled} onChange={(e) => setValues({ ...values, enabled: e.target.checked })} />
        }
        label={t('queues.routing.form.enabled')}
      />
    </FormDialog>
  );
}

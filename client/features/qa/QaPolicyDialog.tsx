import { FormControlLabel, InputAdornment, Slider, Stack, Switch, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaPolicy } from '../../../shared/api/qa';
import { platformOfRule } from '../../../shared/rulebook/platforms';
import { FormDialog } from '../../lib/FormDialog';
import { MultiSelectField } from '../../lib/MultiSelectField';
import { ruleIdsFor } from '../../lib/platforms';
import { useTRPC } from '../../lib/trpc';
import { usePlatformName, useRuleLabel } from '../../lib/usePlatformNames';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { parsePercent, policyDraftOf, policyInputOf } from './policyForm';

/**
 * A lead sets how one queue's decisions are sampled for QA: the share (slider and field kept
 * together, checked as typed) and what is always checked, by rule name (never the id).
 */
export function QaPolicyDialog(props: {
  queueId: string;
  queueLabel: string;
  policy: QaPolicy | undefined;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ruleLabel = useRuleLabel();
  const platformName = usePlatformName();
  const [draft, setDraft] = useState(() => policyDraftOf(props.policy));
  const save = useMutation(trpc.qa.setPolicy.mutationOptions({ onSuccess: props.onSaved }));
  const errorText = useTranslatedError(save.error);
  const percent = parsePercent(draft.percent);
  const input = policyInputOf(props.queueId, draft);
  const ruleIds = ruleIdsFor([]);
  return (
    <FormDialog
      title={t('qa.policy.editTitle', { queue: props.queueLabel })}
      pending={save.isPending}
      error={errorText}
      confirmLabel={t('qa.policy.save')}
      incomplete={input === null}
      onSubmit={() => input && save.mutate(input)}
      onClose={props.onClose}
    >
      <Typography variant="body2" color="text.secondary">
        {t('qa.policy.intro')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Slider
          aria-label={t('qa.policy.percent')}
          value={percent ?? 0}
          min={0}
          max={100}
          step={1}
          valueLabelDisplay="auto"
          onChange={(_e, v) => setDraft((d) => ({ ...d, percent: String(v) }))}
          sx={{ flexGrow: 1, mt: 1 }}
        />
        <TextField
          id="qa-policy-percent"
          label={t('qa.policy.percent')}
          size="small"
          value={draft.percent}
          onChange={(e) => setDraft((d) => ({ ...d, percent: e.target.value }))}
          error={percent === null}
          helperText={percent === null ? t('qa.policy.percentInvalid') : t('qa.policy.percentHint')}
          sx={{ width: 220 }}
          slotProps={{
            htmlInput: { inputMode: 'numeric' },
            input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
          }}
        />
      </Stack>
      <MultiSelectField
        label={t('qa.policy.alwaysRules')}
        options={ruleIds}
        value={draft.alwaysRules}
        onChange={(alwaysRules) => setDraft((d) => ({ ...d, alwaysRules }))}
        labelOf={ruleLabel}
        detailOf={(id) => {
          const platform = platformOfRule(id);
          return platform ? platformName(platform) : undefined;
        }}
        helperText={t('qa.policy.alwaysRulesHint')}
      />
      <FormControlLabel
        control={
          <Switch
            checked={draft.alwaysSeals}
            onChange={(e) => setDraft((d) => ({ ...d, alwaysSeals: e.target.checked }))}
          />
        }
        label={t('qa.policy.alwaysSeals')}
      />
      <FormControlLabel
        control={
          <Switch
            checked={draft.alwaysSeriousWaivers}
            onChange={(e) => setDraft((d) => ({ ...d, alwaysSeriousWaivers: e.target.checked }))}
          />
        }
        label={t('qa.policy.alwaysSeriousWaivers')}
      />
    </FormDialog>
  );
}

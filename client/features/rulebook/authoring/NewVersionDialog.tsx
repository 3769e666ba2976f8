import { TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleDefinition, RuleVersion } from '../../../../shared/rulebook/types';
import { FormDialog } from '../../../lib/FormDialog';
import { useDraftEditing } from './draftEditing';
import { isLocalDate } from './fieldChecks';

/** The day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A new version of a rule: a copy of its latest, from a date the admin picks (today or later, and
 * after the latest), which the draft can then change without touching what is in force.
 */
export function NewVersionDialog(props: { rule: RuleDefinition; onAdd(version: RuleVersion): void; onClose(): void }) {
  const { t } = useTranslation();
  const { today } = useDraftEditing();
  const latest = props.rule.versions[props.rule.versions.length - 1];
  const earliest = latest && latest.effectiveFrom >= today ? nextDay(latest.effectiveFrom) : today;
  const [date, setDate] = useState(earliest);
  const problem = !isLocalDate(date)
    ? t('rulebookAuthoring.issues.date')
    : date < today
      ? t('rulebookAuthoring.issues.versionInPast', { today })
      : latest && date <= latest.effectiveFrom
        ? t('rulebookAuthoring.issues.versionOrder', { date: latest.effectiveFrom })
        : null;
  return (
    <FormDialog
      title={t('rulebookAuthoring.rule.newVersionTitle')}
      text={t('rulebookAuthoring.rule.newVersionText')}
      pending={false}
      incomplete={problem !== null || !latest}
      confirmLabel={t('rulebookAuthoring.rule.newVersion')}
      onSubmit={() => latest && props.onAdd({ ...structuredClone(latest), effectiveFrom: date })}
      onClose={props.onClose}
    >
      <TextField
        type="date"
        label={t('rulebookAuthoring.rule.effectiveFrom')}
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={problem !== null}
        helperText={problem}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: earliest } }}
        autoFocus
      />
    </FormDialog>
  );
}

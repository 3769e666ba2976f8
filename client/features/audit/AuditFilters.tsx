import { Button, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuditFacets } from '../../../shared/api/audit';
import { FilterSelect } from '../../lib/FilterSelect';
import { platformZoneName } from '../../lib/platformTime';
import { useAuditLabels } from './useAuditLabels';

/** The audit page's filters as typed; times are datetime-local values in platform time. */
export interface AuditFilterState {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  batchId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterState = {
  actor: '',
  action: '',
  targetType: '',
  targetId: '',
  batchId: '',
  from: '',
  to: '',
};

/** Server-side filters of the audit trail; every change starts again at the newest event. */
export function AuditFilters({
  value,
  facets,
  onChange,
}: {
  value: AuditFilterState;
  facets: AuditFacets | undefined;
  onChange(next: AuditFilterState): void;
}) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const set = (patch: Partial<AuditFilterState>) => onChange({ ...value, ...patch });
  const actorLabel = (key: string, name: string) => (key === 'system' ? t('audit.systemActor') : name);
  const dateInput = { inputLabel: { shrink: true } } as const;
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <FilterSelect
        anyLabel={t('audit.filters.any')}
        minWidth={150}
        id="audit-filter-actor"
        label={t('audit.filters.actor')}
        value={value.actor}
        onChange={(actor) => set({ actor })}
        options={(facets?.actors ?? []).map((a) => ({ value: a.key, label: actorLabel(a.key, a.name) }))}
      />
      <FilterSelect
        anyLabel={t('audit.filters.any')}
        minWidth={150}
        id="audit-filter-action"
        label={t('audit.filters.action')}
        value={value.action}
        onChange={(action) => set({ action })}
        options={(facets?.actions ?? []).map((a) => ({ value: a, label: labels.action(a).text }))}
      />
      <FilterSelect
        anyLabel={t('audit.filters.any')}
        minWidth={150}
        id="audit-filter-target-type"
        label={t('audit.filters.targetType')}
        value={value.targetType}
        onChange={(targetType) => set({ targetType })}
        options={[...new Set(['case', 'subject', ...(facets?.targetTypes ?? [])])].map((v) => ({
          value: v,
          label: labels.targetType(v),
        }))}
      />
      <TextField
        size="small"
        label={t('audit.filters.targetId')}
        value={value.targetId}
        onChange={(e) => set({ targetId: e.target.value })}
        sx={{ width: 140 }}
      />
      <TextField
        size="small"
        label={t('audit.filters.batch')}
        value={value.batchId}
        onChange={(e) => set({ batchId: e.target.value })}
        sx={{ width: 160 }}
      />
      <TextField
        size="small"
        type="datetime-local"
        label={t('audit.filters.from', { zone: platformZoneName() })}
        value={value.from}
        onChange={(e) => set({ from: e.target.value })}
        slotProps={dateInput}
      />
      <TextField
        size="small"
        type="datetime-local"
        label={t('audit.filters.to', { zone: platformZoneName() })}
        value={value.to}
        onChange={(e) => set({ to: e.target.value })}
        slotProps={dateInput}
      />
      <Button size="small" onClick={() => onChange(NO_FILTERS)}>
        {t('audit.filters.reset')}
      </Button>
    </Stack>
  );
}

import { Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_QUEUE_VIEW, type QueueViewState } from '../../../shared/api/views';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../../../shared/cases/enums';
import { PLATFORM_IDS, type PlatformId } from '../../../shared/rulebook/platforms';
import { FilterSelect } from '../../lib/FilterSelect';
import { platformParam, ruleIdsFor } from '../../lib/platforms';
import { useTRPC } from '../../lib/trpc';
import { usePlatformName, useRuleLabel } from '../../lib/usePlatformNames';
import { TagFilter } from '../tags/TagFilter';

/** The queue's filters and sort, as the URL and saved views keep them. */
export type QueueFilterState = QueueViewState;
export const DEFAULT_FILTERS = DEFAULT_QUEUE_VIEW;

/** The queue's server-side filters and sort; every change starts again at page one. */
export function WorklistFilters({
  value,
  onChange,
}: {
  value: QueueFilterState;
  onChange(next: QueueFilterState): void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queues = useQuery(trpc.queues.list.queryOptions());
  const platformName = usePlatformName();
  const ruleLabel = useRuleLabel();
  const set = (patch: Partial<QueueFilterState>) => onChange({ ...value, ...patch });
  // The rule menu offers the chosen platform's rules only; a rule of another platform is let go.
  const ruleIds = ruleIdsFor(value.platform ? [value.platform] : []);
  const setPlatform = (platform: PlatformId | '') =>
    set({ platform, rule: ruleIdsFor(platform ? [platform] : []).includes(value.rule) ? value.rule : '' });
  const any = { value: '', label: t('queue.filters.any') };
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={value.status}
        aria-label={t('queue.filterStatus')}
        onChange={(_e, v) => v && set({ status: v })}
      >
        <ToggleButton value="open">{t('queue.open')}</ToggleButton>
        <ToggleButton value="all">{t('queue.all')}</ToggleButton>
      </ToggleButtonGroup>
      <FilterSelect
        id="filter-queue"
        label={t('queue.filters.queue')}
        value={value.queue}
        onChange={(queue) => set({ queue })}
        options={[
          any,
          { value: 'mine', label: t('queue.filters.myQueues') },
          ...(queues.data ?? []).map((q) => ({ value: q.id, label: i18n.language === 'en' ? q.nameEn : q.nameZh })),
        ]}
      />
      <FilterSelect
        id="filter-platform"
        label={t('platforms.label')}
        value={value.platform}
        onChange={(platform) => setPlatform(platformParam(platform))}
        options={[
          { value: '', label: t('platforms.any') },
          ...PLATFORM_IDS.map((p) => ({ value: p, label: platformName(p) })),
        ]}
      />
      <FilterSelect
        id="filter-rule"
        label={t('queue.columns.rule')}
        value={value.rule}
        onChange={(rule) => set({ rule })}
        options={[any, ...ruleIds.map((r) => ({ value: r, label: ruleLabel(r) }))]}
      />
      <FilterSelect
        id="filter-source"
        label={t('queue.columns.source')}
        value={value.source}
        onChange={(source) => set({ source: source as QueueFilterState['source'] })}
        options={[any, ...REPORT_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))]}
      />
      <FilterSelect
        id="filter-kind"
        label={t('queue.filters.subjectKind')}
        value={value.subjectKind}
        onChange={(subjectKind) => set({ subjectKind: subjectKind as QueueFilterState['subjectKind'] })}
        options={[any, ...SUBJECT_KINDS.map((k) => ({ value: k, label: t(`subjectKind.${k}`) }))]}
      />
      <FilterSelect
        id="filter-assignee"
        label={t('queue.columns.assignee')}
        value={value.assignee}
        onChange={(assignee) => set({ assignee: assignee as QueueFilterState['assignee'] })}
        options={[
          any,
          { value: 'me', label: t('queue.filters.me') },
          { value: 'unassigned', label: t('queue.filters.unassigned') },
        ]}
      />
      <TagFilter value={value.tags} onChange={(tags) => set({ tags })} />
      <FilterSelect
        id="filter-sort"
        label={t('queue.filters.sort')}
        value={value.sort}
        onChange={(sort) => set({ sort: sort as QueueFilterState['sort'] })}
        options={[
          { value: 'rank', label: t('queue.filters.byUrgency') },
          { value: 'slaDueAt', label: t('queue.filters.bySla') },
          { value: 'createdAt', label: t('queue.filters.byNewest') },
        ]}
      />
    </Stack>
  );
}

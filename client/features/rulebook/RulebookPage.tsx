import { Box, LinearProgress, Skeleton, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_PLATFORM, PLATFORM_IDS, PLATFORM_NAMES, type PlatformId } from '../../../shared/rulebook/platforms';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { platformParam } from '../../lib/platforms';
import { platformZoneName } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { DraftsLink, PublishedVersion } from './authoring/RulebookPageLinks';
import { LedgersPanel } from './LedgersPanel';
import { MeasuresPanel } from './MeasuresPanel';
import { PolicyPanel } from './PolicyPanel';
import { RulesPanel } from './RulesPanel';
import { RulebookProvider, useLocalized, useRulebook } from './rulebookContext';

const TABS = ['rules', 'ledgers', 'measures', 'policy'] as const;
type TabId = (typeof TABS)[number];

/**
 * The rulebook admin page, one platform at a time (`?platform=xianyu`, Taobao when not said):
 * rules and their versions, ledgers and node punishments, measures, desk policy.
 */
export function RulebookPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const platform = platformParam(params.get('platform')) || DEFAULT_PLATFORM;
  // A rulebook changes only with a deployment.
  const query = useQuery({ ...trpc.rulebook.get.queryOptions({ platform }), staleTime: Number.POSITIVE_INFINITY });
  const errorText = useTranslatedError(query.error);
  // Another platform's rulebook has other rules: the section stays, the chosen rule does not.
  const choosePlatform = (next: PlatformId) =>
    setParams(
      (prev) => {
        const updated = new URLSearchParams(prev);
        updated.set('platform', next);
        updated.delete('rule');
        return updated;
      },
      { replace: true },
    );

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('rulebook.title')}
        </Typography>
        <DraftsLink platform={platform} />
      </Stack>
      <PlatformTabs value={platform} onChange={choosePlatform} />
      {query.isPending && <LoadingRulebook />}
      {errorText && (
        <LoadErrorAlert onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {t('rulebook.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {query.data && (
        <RulebookProvider key={platform} view={query.data}>
          <PublishedVersion platform={platform} />
          <RulebookTabs />
        </RulebookProvider>
      )}
    </Stack>
  );
}

/**
 * One tab per platform the server judges (`rulebook.platforms`), each by its own rulebook. Until
 * the list arrives the tabs are the platforms this client knows, so the page never waits on it.
 */
function PlatformTabs({ value, onChange }: { value: PlatformId; onChange(platform: PlatformId): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const localized = useLocalized();
  const platforms = useQuery({ ...trpc.rulebook.platforms.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const list = platforms.data ?? PLATFORM_IDS.map((id) => ({ id, name: PLATFORM_NAMES[id] }));
  return (
    <Tabs
      value={value}
      onChange={(_e, next: PlatformId) => onChange(next)}
      aria-label={t('platforms.choose')}
      data-testid="rulebook-platforms"
      sx={{ minHeight: 36, '& .MuiTab-root': { minHeight: 36, textTransform: 'none', py: 0.5 } }}
    >
      {list.map((p) => (
        <Tab key={p.id} value={p.id} label={t('platforms.rulebookOf', { platform: localized(p.name) })} />
      ))}
    </Tabs>
  );
}

function LoadingRulebook() {
  const { t } = useTranslation();
  return (
    <Box role="status" aria-label={t('common.loading')}>
      <LinearProgress sx={{ mb: 2 }} aria-label={t('common.loading')} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '260px 1fr', gap: 2 }}>
        <Skeleton variant="rounded" height={320} />
        <Skeleton variant="rounded" height={480} />
      </Box>
    </Box>
  );
}

/** Tab and rule live in the URL (`?tab=ledgers`, `?rule=fake-transaction`) so a view can be linked. */
function RulebookTabs() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabId = TABS.find((id) => id === requested) ?? 'rules';
  const update = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <RulebookSummary />
      <Tabs
        value={tab}
        onChange={(_e, value: TabId) => update('tab', value)}
        aria-label={t('rulebook.title')}
        sx={{
          borderBottom: 1,
          borderColor: 'divider',
          minHeight: 40,
          '& .MuiTab-root': { minHeight: 40, textTransform: 'none' },
        }}
      >
        {TABS.map((id) => (
          <Tab
            key={id}
            value={id}
            label={t(`rulebook.tabs.${id}`)}
            id={`rulebook-tab-${id}`}
            aria-controls="rulebook-panel"
          />
        ))}
      </Tabs>
      <Box role="tabpanel" id="rulebook-panel" aria-labelledby={`rulebook-tab-${tab}`}>
        {tab === 'rules' && <RulesPanel selectedId={params.get('rule')} onSelect={(id) => update('rule', id)} />}
        {tab === 'ledgers' && <LedgersPanel />}
        {tab === 'measures' && <MeasuresPanel />}
        {tab === 'policy' && <PolicyPanel />}
      </Box>
    </>
  );
}

/** Which rulebook this is and how big, with the clock its dates are on. */
function RulebookSummary() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { view } = useRulebook();
  return (
    <Typography variant="body2" color="text.secondary">
      {localized(view.name)} · {t('rulebook.summary', { rules: view.rules.length, measures: view.measures.length })} ·{' '}
      {t('common.timeZone', { zone: platformZoneName() })}
    </Typography>
  );
}

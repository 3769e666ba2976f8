import { Grid, Stack, Typography } from '@mui/material';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardMetrics } from '../../../shared/api/metrics';
import { type MetricPeriodDays, platformDay } from '../../../shared/metrics/period';
import { PLATFORM_IDS, type PlatformId } from '../../../shared/rulebook/platforms';
import { FilterSelect } from '../../lib/FilterSelect';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { PageLoading } from '../../lib/lazyPage';
import { platformParam } from '../../lib/platforms';
import { formatPlatformTime, platformOffsetMinutes } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { usePlatformName } from '../../lib/usePlatformNames';
import { useQueueName } from '../../lib/useQueueName';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { QaSection } from '../qa/dashboard/QaSection';
import { AppealRatesChart } from './AppealRatesChart';
import { useChartText } from './chartText';
import { DecisionsChart } from './DecisionsChart';
import { FourEyesChart } from './FourEyesChart';
import { IntakeChart } from './IntakeChart';
import { OpenCasesChart } from './OpenCasesChart';
import { PeriodToggle } from './PeriodToggle';
import { SlaChart } from './SlaChart';
import { ThroughputChart } from './ThroughputChart';

/** The desk in figures: a lead's team, or a reviewer's own work (the server decides which). */
export function DashboardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const platformName = usePlatformName();
  const [periodDays, setPeriodDays] = useState<MetricPeriodDays>(30);
  // '' is every platform; one platform's figures count only its subjects' cases.
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const query = useQuery({
    ...trpc.metrics.dashboard.queryOptions({ periodDays, platform: platform || undefined }),
    placeholderData: keepPreviousData,
  });
  const errorText = useTranslatedError(query.error);
  const { localeText } = useChartText();

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('dashboard.title')}
        </Typography>
        <FilterSelect
          id="dashboard-platform"
          label={t('platforms.label')}
          value={platform}
          onChange={(value) => setPlatform(platformParam(value))}
          anyLabel={t('platforms.any')}
          options={PLATFORM_IDS.map((p) => ({ value: p, label: platformName(p) }))}
        />
        <PeriodToggle value={periodDays} onChange={setPeriodDays} />
      </Stack>
      {query.data && <ScopeLine data={query.data} />}
      {errorText && <LoadErrorAlert onRetry={() => void query.refetch()}>{errorText}</LoadErrorAlert>}
      {query.isPending && <PageLoading />}
      {query.data && (
        <ChartsLocalizationProvider localeText={localeText}>
          <Charts data={query.data} />
        </ChartsLocalizationProvider>
      )}
    </Stack>
  );
}

/** Whose figures, over which dates (platform time, zone named). */
function ScopeLine({ data }: { data: DashboardMetrics }) {
  const { t, i18n } = useTranslation();
  const scope =
    data.scope.kind === 'team'
      ? t('dashboard.scopeTeam', { members: data.scope.members.length, queues: data.scope.queues.length })
      : t('dashboard.scopeSelf');
  return (
    <Typography variant="body2" color="text.secondary" data-testid="dashboard-scope">
      {scope} ·{' '}
      {t('dashboard.range', {
        from: formatPlatformTime(data.from, i18n.language),
        to: formatPlatformTime(data.to, i18n.language),
      })}
    </Typography>
  );
}

function Charts({ data }: { data: DashboardMetrics }) {
  const { t } = useTranslation();
  const queueName = useQueueName();
  const queueLabel = (queue: string | null) => queueName(queue) ?? t('dashboard.unrouted');
  // Exported files say which period and day they are from.
  const fileSuffix = `${data.periodDays}d-${platformDay(new Date(data.to), platformOffsetMinutes())}`;
  const half = { xs: 12, lg: 6 } as const;
  return (
    <Grid container spacing={2}>
      <Grid size={half}>
        <OpenCasesChart rows={data.openByQueue} queueLabel={queueLabel} fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={half}>
        <SlaChart rows={data.sla} queueLabel={queueLabel} fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={half}>
        <IntakeChart rows={data.intakeDaily} fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={half}>
        <DecisionsChart rows={data.decisionsByRule} fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={half}>
        <ThroughputChart rows={data.reviewers} fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={half}>
        <FourEyesChart data={data.fourEyes} fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={half}>
        <AppealRatesChart rows={data.appealsByReviewer} by="reviewer" fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={half}>
        <AppealRatesChart rows={data.appealsByRule} by="rule" fileSuffix={fileSuffix} />
      </Grid>
      <Grid size={12}>
        <QaSection qa={data.qa} team={data.scope.kind === 'team'} queueLabel={queueLabel} fileSuffix={fileSuffix} />
      </Grid>
    </Grid>
  );
}

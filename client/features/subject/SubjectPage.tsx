import { Alert, Button, Grid, Link, Stack } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { SUBJECT_RECORD_LISTS, type SubjectOverview, type SubjectRecordList } from '../../../shared/api/subjects';
import { PageLoading } from '../../lib/lazyPage';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { AppealStatusChip } from '../appeals/AppealStageChip';
import { NotesPanel } from '../notes/NotesPanel';
import { eventTypeLabel } from '../outbox/eventTypeLabel';
import { RulebookGate } from '../rulebook/RulebookGate';
import { RelatedSubjectsCard } from './RelatedSubjectsCard';
import { StandingChartCard } from './StandingChartCard';
import { StandingTimeline } from './StandingTimeline';
import { SubjectHeader } from './SubjectHeader';
import { type RecordItem, type RecordRow, SubjectRecordsCard } from './SubjectRecordsCard';
import { useLiveSubjectChanges } from './useLiveSubjectChanges';

/** `/subjects/:id`: everything the desk knows about one member, for an investigation. */
export function SubjectPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = useParams().id ?? '';
  const [year, setYear] = useState<{ id: string; year: number } | null>(null);
  const query = useQuery({
    ...trpc.subjects.get.queryOptions({ id, year: year?.id === id ? year.year : undefined }),
    enabled: id.length > 0,
    placeholderData: keepPreviousData,
  });
  const errorText = useTranslatedError(query.error);
  useLiveSubjectChanges(caseIdsOf(query.data));
  if (query.error) {
    return (
      <Alert severity="error" action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}>
        {errorText}
      </Alert>
    );
  }
  const overview = query.data;
  if (!overview || overview.subject.id !== id) return <PageLoading />;
  // The subject's ledgers and measures are its own platform's.
  return (
    <RulebookGate platform={overview.subject.platform ?? undefined}>
      <Stack spacing={2} data-testid="subject-page">
        <SubjectHeader overview={overview} />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <Stack spacing={2}>
              <StandingChartCard series={overview.standing.series} onYear={(y) => setYear({ id, year: y })} />
              <StandingTimeline standing={overview.standing} />
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Stack spacing={2}>
              <NotesPanel target={{ type: 'subject', id: overview.subject.id }} />
              <RelatedSubjectsCard related={overview.related} />
            </Stack>
          </Grid>
        </Grid>
        <SubjectRecords overview={overview} />
      </Stack>
    </RulebookGate>
  );
}

/** The subject's cases the page knows of: a change to one of them changes the page. */
function caseIdsOf(overview: SubjectOverview | undefined): Set<number> {
  if (!overview) return new Set();
  return new Set([
    ...overview.cases.items.map((c) => c.id),
    ...overview.decisions.items.map((d) => d.caseId),
    ...overview.appeals.items.map((a) => a.caseId),
    ...Object.values(overview.standing.findingCases),
  ]);
}

/** A list starts over from its new first page when a refresh changes it ("load more" pages would skip or repeat rows). */
const pageKey = (page: { items: { id: number }[]; nextCursor: number | null }) =>
  `${page.items[0]?.id ?? 0}-${page.nextCursor ?? 0}`;

/** How each list's rows read and where they link. */
type RowsOfLists = { [L in SubjectRecordList]: (item: RecordItem<L>) => RecordRow };

/** The six lists, each linking to the page its rows live on. */
function SubjectRecords({ overview }: { overview: SubjectOverview }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const rule = (r: string | null) => (r ? t(`rule.${r}`, { defaultValue: r }) : '');
  const subjectId = overview.subject.id;
  const caseTitle = (caseId: number) => t('case.title', { id: caseId });
  const alertsLink = `/alerts?subject=${encodeURIComponent(subjectId)}`;
  const rows: RowsOfLists = {
    cases: (c) => ({
      to: `/cases/${c.id}`,
      primary: `${caseTitle(c.id)} · ${rule(c.rule)} · ${t(`status.${c.status}`)}`,
      secondary: `${time(c.createdAt)} · ${c.summary}`,
    }),
    decisions: (d) => ({
      to: `/cases/${d.caseId}`,
      primary: `${t('subjectPage.lists.decision', { id: d.id })} · ${t(`decisionKind.${d.kind}`, { defaultValue: d.kind })} · ${t(`decisionStatus.${d.status}`)}`,
      secondary: `${caseTitle(d.caseId)} · ${time(d.decidedAt)} · ${d.reason}`,
    }),
    appeals: (a) => ({
      to: `/appeals/${a.id}`,
      primary: (
        <>
          {t('subjectPage.lists.appeal', { id: a.id })} · {rule(a.rule)} <AppealStatusChip status={a.status} />
        </>
      ),
      secondary: `${caseTitle(a.caseId)} · ${time(a.createdAt)}`,
    }),
    notices: (n) => ({
      to: `/cases/${n.caseId}`,
      primary: `${t('subjectPage.lists.notice', { id: n.id })} · ${t(`subjectPage.lists.noticeKind.${n.kind}`)}`,
      secondary: [
        caseTitle(n.caseId),
        time(n.createdAt),
        n.appealUntil ? t('subjectPage.lists.appealUntil', { at: time(n.appealUntil) }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
    alerts: (a) => ({
      to: alertsLink,
      primary: `${t(`alerts.type.${a.type}`)} · ${t(`alerts.level.${a.level}`)} · ${a.nickname}`,
      secondary: `${time(a.detectedAt)} · ${a.accountId}`,
    }),
    messages: (m) => ({
      to: m.caseId ? `/cases/${m.caseId}` : '/outbox',
      primary: `${t('subjectPage.lists.message', { id: m.id })} · ${eventTypeLabel(t, m.type)}`,
      secondary: [m.caseId ? caseTitle(m.caseId) : null, time(m.createdAt)].filter(Boolean).join(' · '),
    }),
  };
  const alertsFooter = overview.alerts.items.length > 0 && (
    <Link component={RouterLink} to={alertsLink} variant="body2">
      {t('subjectPage.lists.allAlerts')}
    </Link>
  );
  return (
    <Grid container spacing={2}>
      {SUBJECT_RECORD_LISTS.map((list) => (
        <Grid key={list} size={{ xs: 12, md: 6, xl: 4 }}>
          <SubjectRecordsCard
            key={pageKey(overview[list])}
            subjectId={subjectId}
            list={list}
            first={overview[list]}
            // One list at a time: TypeScript cannot tie `list` to its own row function here.
            row={rows[list] as (item: RecordItem<typeof list>) => RecordRow}
            footer={list === 'alerts' ? alertsFooter : undefined}
          />
        </Grid>
      ))}
    </Grid>
  );
}

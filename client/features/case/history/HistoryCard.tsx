import { Alert, Box, Paper, Skeleton, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../../../shared/rulebook/platforms';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { RulebookGate } from '../../rulebook/RulebookGate';
import { DecisionsList } from './DecisionsList';
import { EmptyText } from './EmptyText';
import { NoticeText } from './NoticeText';
import { PriorCasesList } from './PriorCasesList';
import { Timeline } from './Timeline';

const TABS = ['decisions', 'notices', 'timeline', 'prior'] as const;
type TabId = (typeof TABS)[number];

/** The case's history: its decisions, the notices sent, every audited event, and the subject's other cases. */
export function HistoryCard({ caseId, platform }: { caseId: number; platform: PlatformId }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.cases.history.queryOptions({ id: caseId }));
  const errorText = useTranslatedError(query.error);
  const [tab, setTab] = useState<TabId>('decisions');
  const h = query.data;
  const counts: Record<TabId, number> = {
    decisions: h?.decisions.length ?? 0,
    notices: h?.notices.length ?? 0,
    timeline: h?.timeline.length ?? 0,
    prior: h?.priorCases.length ?? 0,
  };
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="history-title">
      <Typography id="history-title" variant="h6" component="h2">
        {t('history.title')}
      </Typography>
      <Tabs value={tab} onChange={(_e, next: TabId) => setTab(next)} variant="scrollable" sx={{ mb: 1.5 }}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`history-tab-${id}`} label={t(`history.tabs.${id}`, { count: counts[id] })} />
        ))}
      </Tabs>
      {errorText && <Alert severity="error">{errorText}</Alert>}
      {!h && !errorText && <Skeleton variant="rounded" height={120} />}
      {h && (
        <Box role="tabpanel" aria-labelledby={`history-tab-${tab}`}>
          {tab === 'decisions' && (
            <RulebookGate platform={platform}>
              <DecisionsList decisions={h.decisions} />
            </RulebookGate>
          )}
          {tab === 'notices' &&
            (h.notices.length === 0 ? (
              <EmptyText text={t('history.notice.none')} />
            ) : (
              h.notices.map((n) => <NoticeText key={n.id} notice={n} />)
            ))}
          {tab === 'timeline' && <Timeline events={h.timeline} />}
          {tab === 'prior' && <PriorCasesList cases={h.priorCases} />}
        </Box>
      )}
    </Paper>
  );
}

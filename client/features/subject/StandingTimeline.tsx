import { Box, Chip, Link, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SubjectOverview } from '../../../shared/api/subjects';
import { formatPlatformTime } from '../../lib/platformTime';
import { MeasureChips } from '../rulebook/MeasureChips';
import { useLocalized, useRulebook } from '../rulebook/rulebookContext';

type Standing = SubjectOverview['standing'];

/**
 * The year's nodes and punishments in time order: which finding reached which node (or was
 * absorbed by a heavier punishment, 《淘宝规则》第四十三条), and what ran from when to when.
 */
export function StandingTimeline({ standing }: { standing: Standing }) {
  const { t, i18n } = useTranslation();
  const { ledgers } = useRulebook();
  const localized = useLocalized();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const ledgerName = (id: string) => {
    const ledger = ledgers.get(id);
    return ledger ? localized(ledger.name) : id;
  };
  const caseLink = (finding: string) => {
    const caseId = standing.findingCases[finding];
    return caseId ? (
      <Link component={RouterLink} to={`/cases/${caseId}`}>
        {t('subjectPage.timeline.fromCase', { id: caseId })}
      </Link>
    ) : null;
  };
  const entries = [
    ...standing.series.nodes.map((n) => ({
      key: `node-${n.finding}-${n.ledger}`,
      at: Date.parse(n.at),
      content: (
        <ListItemText
          primary={
            <>
              {t('subjectPage.timeline.node', { ledger: ledgerName(n.ledger), nodes: n.nodes.join('/') })}
              {n.outcome === 'absorbed' && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  （{t('subjectPage.timeline.absorbed')}）
                </Typography>
              )}
            </>
          }
          secondary={
            <>
              {time(n.at)} · {caseLink(n.finding)}
            </>
          }
        />
      ),
    })),
    ...standing.series.punishments.map((p) => ({
      key: `punishment-${p.finding}-${p.ledger}-${p.node}-${p.from}`,
      at: Date.parse(p.from),
      content: (
        <Stack spacing={0.5} sx={{ width: '100%' }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2">
              {t('subjectPage.timeline.punishment', {
                ledger: ledgerName(p.ledger),
                trigger: t(`subjectPage.timeline.trigger.${p.trigger}`),
              })}
            </Typography>
            <Chip
              size="small"
              color={p.active ? 'warning' : 'default'}
              label={p.active ? t('subjectPage.timeline.active') : t('subjectPage.timeline.ended')}
            />
          </Stack>
          <MeasureChips ids={p.measures} />
          <Typography variant="caption" color="text.secondary">
            {p.until
              ? t('subjectPage.timeline.until', { from: time(p.from), until: time(p.until) })
              : t('subjectPage.timeline.permanent', { from: time(p.from) })}{' '}
            · {caseLink(p.finding)}
          </Typography>
        </Stack>
      ),
    })),
  ].sort((a, b) => a.at - b.at);
  return (
    <Paper component="section" aria-labelledby="subject-timeline-title" sx={{ p: 2 }} data-testid="subject-timeline">
      <Typography variant="h6" component="h2" id="subject-timeline-title">
        {t('subjectPage.timeline.title')}
      </Typography>
      {entries.length === 0 ? (
        <Box sx={{ color: 'text.secondary', typography: 'body2', mt: 1 }}>{t('subjectPage.timeline.empty')}</Box>
      ) : (
        <List dense>
          {entries.map((e) => (
            <ListItem key={e.key} disableGutters divider>
              {e.content}
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}

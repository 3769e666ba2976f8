import { Box, Chip, Link, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { AlertLevelChip } from './AlertLevelChip';

const SHOWN = 5;

/**
 * On a case page: the subject's pending account-security alerts (docs/MARKETPLACE.md §7), since an
 * account in someone else's hands changes how a violation reads. Nothing when it has none.
 */
export function SubjectAlertsCard({ subjectId }: { subjectId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const titleId = useId();
  const counts = useQuery(trpc.alerts.counts.queryOptions({ subjectId }));
  const pending = useQuery({
    ...trpc.alerts.list.queryOptions({ status: 'pending', subjectId, page: 0, pageSize: SHOWN }),
    enabled: Boolean(counts.data?.pending),
  });
  if (!counts.data || counts.data.pending + counts.data.handled === 0) return null;
  return (
    <Paper component="section" aria-labelledby={titleId} sx={{ p: 2 }} data-testid="subject-alerts">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h2" id={titleId} sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t('alerts.caseCard.title')}
        </Typography>
        {counts.data.pending > 0 && (
          <Chip size="small" color="warning" label={t('alerts.caseCard.pending', { count: counts.data.pending })} />
        )}
      </Stack>
      {counts.data.pending === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('alerts.caseCard.none')}
        </Typography>
      )}
      <List dense disablePadding>
        {pending.data?.items.map((a) => (
          <ListItem key={a.id} disableGutters sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ mr: 1, mt: 0.5 }}>
              <AlertLevelChip level={a.level} />
            </Box>
            <ListItemText
              primary={`${t(`alerts.type.${a.type}`)} · ${a.nickname}（${t(`alerts.accountKind.${a.accountKind}`)}）`}
              secondary={`${formatPlatformTime(a.detectedAt, i18n.language)} · ${a.details}`}
            />
          </ListItem>
        ))}
      </List>
      <Link component={RouterLink} to={`/alerts?subject=${encodeURIComponent(subjectId)}`} variant="body2">
        {t('alerts.caseCard.viewAll')}
      </Link>
    </Paper>
  );
}

import {
  Alert,
  Box,
  Chip,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { HeldCaseView, QueueView } from '../../../shared/api/queues';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/useNow';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { queueName } from './queueName';

interface HolderRow {
  key: string;
  queue: string | null;
  holder: HeldCaseView['holder'];
  cases: HeldCaseView[];
}

/** One row per queue and person: leads see at a glance who holds how many cases, and until when. */
function byQueueAndHolder(held: HeldCaseView[]): HolderRow[] {
  const rows = new Map<string, HolderRow>();
  for (const c of held) {
    const key = `${c.queue ?? ''}:${c.holder.id}`;
    const row = rows.get(key) ?? { key, queue: c.queue, holder: c.holder, cases: [] };
    row.cases.push(c);
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Who holds which cases now, per queue and person, with each lease's end (leads only). */
export function HeldCasesSection({ queues }: { queues: QueueView[] }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const headingId = useId();
  const now = useNow(30_000);
  const query = useQuery({ ...trpc.queues.held.queryOptions(), refetchInterval: 30_000 });
  const errorText = useTranslatedError(query.error);
  const queueById = new Map(queues.map((q) => [q.id, q]));
  const rows = byQueueAndHolder(query.data ?? []);
  const caseLabel = (c: HeldCaseView) => {
    if (!c.leaseUntil) return t('queues.held.assigned', { id: c.caseId });
    if (new Date(c.leaseUntil).getTime() < now) return t('queues.held.lapsed', { id: c.caseId });
    return t('queues.held.until', { id: c.caseId, time: formatPlatformTime(c.leaseUntil, i18n.language) });
  };

  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Typography id={headingId} variant="h6" component="h2">
          {t('queues.held.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('queues.held.hint')}
        </Typography>
        {errorText && (
          <Alert severity="error">
            {t('queues.held.loadFailed')}: {errorText}
          </Alert>
        )}
        {query.data && rows.length === 0 && <Typography color="text.secondary">{t('queues.held.empty')}</Typography>}
        {rows.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-labelledby={headingId} data-testid="held-cases">
              <TableHead>
                <TableRow>
                  <TableCell>{t('queues.held.queue')}</TableCell>
                  <TableCell>{t('queues.held.holder')}</TableCell>
                  <TableCell>{t('queues.held.count')}</TableCell>
                  <TableCell>{t('queues.held.cases')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => {
                  const queue = row.queue ? queueById.get(row.queue) : undefined;
                  const atLimit = queue ? row.cases.length >= queue.holdLimit : false;
                  return (
                    <TableRow key={row.key}>
                      <TableCell>{queue ? queueName(queue, i18n.language) : (row.queue ?? '')}</TableCell>
                      <TableCell>{row.holder.displayName}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          color={atLimit ? 'warning' : 'default'}
                          label={`${row.cases.length}／${queue?.holdLimit ?? '–'}`}
                        />
                      </TableCell>
                      <TableCell>
                        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                          {row.cases.map((c) => (
                            <Link key={c.caseId} component={RouterLink} to={`/cases/${c.caseId}`} variant="body2">
                              {caseLabel(c)}
                            </Link>
                          ))}
                        </Stack>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

import {
  Alert,
  Chip,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../lib/lazyPage';
import { useTRPC } from '../../lib/trpc';
import { ReporterMuteButton } from './ReporterMute';

/** `/reporters` (leads): every reporter's score, least reliable first, with their mute. */
export function ReportersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const query = useQuery(trpc.reporters.list.queryOptions({ flaggedOnly, limit: 200 }));
  const columns = ['id', 'submitted', 'upheld', 'dismissed', 'unfounded', 'score', 'state', 'actions'] as const;
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {t('messages.reporters.title')}
      </Typography>
      <Typography color="text.secondary">{t('messages.reporters.intro')}</Typography>
      <FormControlLabel
        control={<Switch checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} />}
        label={t('messages.reporters.flaggedOnly')}
      />
      {query.error && <Alert severity="error">{t('messages.reporters.loadFailed')}</Alert>}
      {!query.data && !query.error && <PageLoading />}
      {query.data && (
        <Paper>
          <Table size="small" aria-label={t('messages.reporters.title')}>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c}>{t(`messages.reporters.columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {query.data.length === 0 && (
                <TableRow>
                  <TableCell colSpan={columns.length}>{t('messages.reporters.empty')}</TableCell>
                </TableRow>
              )}
              {query.data.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.id}</TableCell>
                  <TableCell>{r.submitted}</TableCell>
                  <TableCell>{r.upheld}</TableCell>
                  <TableCell>{r.dismissed}</TableCell>
                  <TableCell>{r.unfoundedRate === null ? '—' : `${Math.round(r.unfoundedRate * 100)}%`}</TableCell>
                  <TableCell>{r.score ?? '—'}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5}>
                      <Chip
                        size="small"
                        label={r.muted ? t('messages.reporters.muted') : t('messages.reporters.active')}
                        title={r.muted?.reason}
                      />
                      {r.flagged && <Chip size="small" color="warning" label={t('messages.reporters.flagged')} />}
                    </Stack>
                  </TableCell>
                  <TableCell>
                    <ReporterMuteButton reporterId={r.id} muted={Boolean(r.muted)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

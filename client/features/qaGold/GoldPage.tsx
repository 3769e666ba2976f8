import {
  Alert,
  Button,
  Chip,
  FormControlLabel,
  MenuItem,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { GoldView } from '../../../shared/api/qaGold';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useQueueName } from '../../lib/useQueueName';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useVerdictText } from './verdictText';

/** Gold cases (leads): the list with how often each was answered right, retiring, and each queue's rate. */
export function GoldPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [retiring, setRetiring] = useState<GoldView | null>(null);
  const list = useQuery(trpc.qa.gold.list.queryOptions({ includeRetired }));
  const { verdict, ruleName } = useVerdictText();
  const retire = useMutation(
    trpc.qa.gold.retire.mutationOptions({
      onSuccess: async () => {
        setRetiring(null);
        await queryClient.invalidateQueries({ queryKey: trpc.qa.gold.pathKey() });
      },
    }),
  );
  const retireError = useTranslatedError(retire.error);
  const rows = list.data ?? [];
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {t('qaGold.gold.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('qaGold.gold.intro')}
      </Typography>
      <GoldRates />
      {list.error && <LoadErrorAlert onRetry={() => void list.refetch()}>{t('qaGold.gold.loadFailed')}</LoadErrorAlert>}
      <FormControlLabel
        control={<Switch checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} />}
        label={t('qaGold.gold.showRetired')}
      />
      <Paper>
        <Table size="small" aria-label={t('qaGold.gold.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('qaGold.gold.columns.id')}</TableCell>
              <TableCell>{t('qaGold.gold.columns.summary')}</TableCell>
              <TableCell>{t('qaGold.gold.columns.rule')}</TableCell>
              <TableCell>{t('qaGold.gold.columns.expected')}</TableCell>
              <TableCell>{t('qaGold.gold.columns.markedBy')}</TableCell>
              <TableCell>{t('qaGold.gold.columns.markedAt')}</TableCell>
              <TableCell>{t('qaGold.gold.columns.accuracy')}</TableCell>
              <TableCell>{t('qaGold.gold.columns.state')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && !list.isLoading && (
              <TableRow>
                <TableCell colSpan={9}>{t('qaGold.gold.empty')}</TableCell>
              </TableRow>
            )}
            {rows.map((g) => (
              <TableRow key={g.id} data-testid={`gold-row-${g.id}`}>
                <TableCell>
                  <RouterLink to={`/cases/${g.sourceCaseId}`}>#{g.id}</RouterLink>
                </TableCell>
                <TableCell sx={{ maxWidth: 320 }}>{g.summary}</TableCell>
                <TableCell>{ruleName(g.rule)}</TableCell>
                <TableCell>{verdict(g.expected)}</TableCell>
                <TableCell>{g.markedBy.name}</TableCell>
                <TableCell>{formatPlatformTime(g.markedAt, i18n.language)}</TableCell>
                <TableCell>
                  {g.attempts
                    ? t('qaGold.gold.accuracy', { correct: g.correct, attempts: g.attempts })
                    : t('qaGold.gold.noAttempts')}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={g.retired ? 'default' : 'success'}
                    label={g.retired ? t('qaGold.gold.retiredState') : t('qaGold.gold.active')}
                  />
                </TableCell>
                <TableCell align="right">
                  {!g.retired && (
                    <Button size="small" onClick={() => setRetiring(g)}>
                      {t('qaGold.gold.retire')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {retiring && (
        <ConfirmDialog
          title={t('qaGold.gold.retireTitle')}
          text={t('qaGold.gold.retireText', { id: retiring.id })}
          confirmLabel={t('qaGold.gold.retire')}
          busy={retire.isPending}
          error={retireError}
          onConfirm={() => retire.mutate({ id: retiring.id })}
          onClose={() => {
            setRetiring(null);
            retire.reset();
          }}
        />
      )}
    </Stack>
  );
}

/** Each queue's gold rate: the chance `queue.next` serves a gold copy instead. */
function GoldRates() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queues = useQuery(trpc.queues.list.queryOptions());
  const rates = useQuery(trpc.qa.gold.rates.queryOptions());
  const queueName = useQueueName();
  const [queueId, setQueueId] = useState('');
  const [percent, setPercent] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.qa.gold.setRate.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.qa.gold.rates.queryKey() });
      },
    }),
  );
  const error = useTranslatedError(save.error);
  const value = Number(percent);
  const valid = queueId !== '' && percent.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 100;
  const pick = (id: string) => {
    setQueueId(id);
    setSaved(false);
    setPercent(String(rates.data?.find((r) => r.queueId === id)?.percent ?? 0));
  };
  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Typography variant="subtitle1" component="h2">
          {t('qaGold.gold.rateTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('qaGold.gold.rateHint')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <TextField
            select
            size="small"
            label={t('qaGold.gold.rateQueue')}
            value={queueId}
            onChange={(e) => pick(e.target.value)}
            sx={{ minWidth: 200 }}
          >
            {(queues.data ?? []).map((q) => (
              <MenuItem key={q.id} value={q.id}>
                {queueName(q.id)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            type="number"
            label={t('qaGold.gold.ratePercent')}
            value={percent}
            onChange={(e) => {
              setPercent(e.target.value);
              setSaved(false);
            }}
            slotProps={{ htmlInput: { min: 0, max: 100, step: 1 } }}
            sx={{ width: 140 }}
          />
          <Button
            variant="contained"
            disabled={!valid || save.isPending}
            onClick={() => save.mutate({ queueId, percent: value })}
          >
            {t('qaGold.gold.rateSave')}
          </Button>
          {(rates.data ?? [])
            .filter((r) => r.percent > 0)
            .map((r) => (
              <Chip key={r.queueId} size="small" label={`${queueName(r.queueId)} ${r.percent}%`} />
            ))}
        </Stack>
        {saved && <Alert severity="success">{t('qaGold.gold.rateSaved')}</Alert>}
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
    </Paper>
  );
}

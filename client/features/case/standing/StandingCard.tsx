import LockOutlined from '@mui/icons-material/LockOutlined';
import {
  Alert,
  Box,
  Chip,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../../../shared/rulebook/platforms';
import type { Standing } from '../../../../shared/rulebook/types';
import { formatPlatformTime } from '../../../lib/platformTime';
import { useTRPC } from '../../../lib/trpc';
import { usePlatformName } from '../../../lib/usePlatformNames';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { MeasureChips } from '../../rulebook/MeasureChips';
import { RulebookGate } from '../../rulebook/RulebookGate';
import { useLocalized, useRulebook } from '../../rulebook/rulebookContext';

/**
 * The subject's standing from the rulebook engine, as of now: points per ledger this year,
 * punishments running (with their end, or permanent), items demoted in search, strikes, and
 * whether the account is sealed. Refreshes with every decision (it shares the query cache).
 * The ledgers and measures are those of the subject's platform's rulebook.
 */
export function StandingCard({ subjectId, platform }: { subjectId: string; platform: PlatformId }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const platformName = usePlatformName();
  const query = useQuery(trpc.accounts.standing.queryOptions({ subjectId }));
  const errorText = useTranslatedError(query.error);
  // `accounts.standing` returns the engine's Standing as an open record (shared/rulebook/types.ts).
  const standing = query.data as unknown as Standing | undefined;
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="standing-title" data-testid="standing">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id="standing-title" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {standing ? t('standing.title', { year: standing.year }) : t('standing.titleNoYear')}
        </Typography>
        <Typography variant="caption" color="text.secondary" data-testid="standing-platform">
          {t('platforms.judgedBy', { platform: platformName(platform) })}
        </Typography>
        {standing?.sealed && (
          <Chip color="error" icon={<LockOutlined />} label={t('standing.sealed')} data-testid="standing-sealed" />
        )}
      </Stack>
      {errorText && <Alert severity="error">{errorText}</Alert>}
      {!standing && !errorText && <Skeleton variant="rounded" height={120} />}
      {standing && (
        <RulebookGate platform={platform}>
          <StandingDetails standing={standing} />
        </RulebookGate>
      )}
    </Paper>
  );
}

function StandingDetails({ standing }: { standing: Standing }) {
  const { t, i18n } = useTranslation();
  const { view } = useRulebook();
  const localized = useLocalized();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const running = standing.punishments.filter((p) => p.active);
  const demoted = standing.demotions.filter((d) => d.active);
  const ledgerName = (id: string) => {
    const ledger = view.ledgers.find((l) => l.id === id);
    return ledger ? localized(ledger.name) : id;
  };
  return (
    <Stack spacing={1.5}>
      <Table size="small" aria-label={t('standing.points')}>
        <TableBody>
          {view.ledgers.map((l) => (
            <TableRow key={l.id}>
              <TableCell sx={{ pl: 0 }}>{localized(l.name)}</TableCell>
              <TableCell align="right" sx={{ pr: 0 }} data-testid={`standing-points-${l.id}`}>
                {t('standing.pointsValue', { points: standing.points[l.id] ?? 0 })}
                {(standing.carried[l.id] ?? 0) > 0 && (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                    {t('standing.carried', { points: standing.carried[l.id] })}
                  </Typography>
                )}
                {l.strikes && (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                    {t('standing.strikes', { n: standing.strikes[l.id] ?? 0, limit: l.strikes.limit })}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>
        <Typography variant="subtitle2">{t('standing.running')}</Typography>
        {running.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('standing.none')}
          </Typography>
        )}
        {running.map((p) => (
          <Box key={`${p.finding}-${p.ledger}-${p.node}-${p.trigger}`} sx={{ mt: 0.5 }}>
            <Typography variant="body2">
              {ledgerName(p.ledger)} ·{' '}
              {p.until ? t('standing.until', { at: time(p.until) }) : <strong>{t('standing.permanent')}</strong>}
            </Typography>
            <MeasureChips ids={p.measures} />
          </Box>
        ))}
      </div>
      <div>
        <Typography variant="subtitle2">{t('standing.demoted')}</Typography>
        {demoted.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('standing.none')}
          </Typography>
        )}
        {demoted.map((d) => (
          <Typography key={d.item} variant="body2">
            {t('standing.demotion', { item: d.item, until: d.until })}
          </Typography>
        ))}
      </div>
    </Stack>
  );
}

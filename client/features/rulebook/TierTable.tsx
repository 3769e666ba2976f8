import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LedgerView, TierView } from '../../../shared/api/rulebook';
import { describeDays, describePoints, describeWhen } from './describeRule';
import { MeasureChips } from './MeasureChips';
import { useLocalized, useRulebook } from './rulebookContext';

const OUTCOME_COLOR = { points: 'primary', correction: 'success', warning: 'warning' } as const;

/** A version's tier table: rows checked top to bottom, the first that matches decides. */
export function TierTable({
  tiers,
  versionLedger,
  caption,
}: {
  tiers: TierView[];
  versionLedger: LedgerView['id'];
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ '& td, & th': { verticalAlign: 'top', py: 0.75 } }}>
        <caption style={{ captionSide: 'top', padding: '0 0 4px' }}>
          <Typography variant="caption" color="text.secondary">
            {caption}
          </Typography>
        </caption>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 28 }}>#</TableCell>
            <TableCell>{t('rulebook.tiers.condition')}</TableCell>
            <TableCell sx={{ width: 190 }}>{t('rulebook.tiers.outcome')}</TableCell>
            <TableCell sx={{ width: 120 }}>{t('rulebook.tiers.points')}</TableCell>
            <TableCell sx={{ width: '24%' }}>{t('rulebook.tiers.measures')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tiers.map((tier, i) => (
            <TierRow
              // Tiers are positional: their order is their meaning.
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the tier's identity
              key={i}
              index={i}
              tier={tier}
              isOnlyTier={tiers.length === 1}
              versionLedger={versionLedger}
            />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function TierRow({
  tier,
  index,
  isOnlyTier,
  versionLedger,
}: {
  tier: TierView;
  index: number;
  isOnlyTier: boolean;
  versionLedger: LedgerView['id'];
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { ledgers } = useRulebook();
  const ledger = ledgers.get(tier.ledger);
  return (
    <TableRow hover>
      <TableCell sx={{ color: 'text.secondary' }}>{index + 1}</TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {describeWhen(t, tier.when, isOnlyTier)}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p">
          {localized(tier.basis)}
        </Typography>
      </TableCell>
      <TableCell>
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Chip size="small" color={OUTCOME_COLOR[tier.outcome]} label={t(`rulebook.outcome.${tier.outcome}`)} />
          {tier.ledger !== versionLedger && ledger && (
            <Chip
              size="small"
              variant="outlined"
              color="error"
              label={t('rulebook.tiers.chargedTo', { ledger: localized(ledger.name) })}
            />
          )}
          {tier.strike && <Chip size="small" color="error" label={t('rulebook.tiers.strike')} />}
          {/* Tags mark the finding for later tiers, e.g. "three serious-circumstance findings". */}
          {tier.tags.map((tag) => (
            <Chip
              key={tag}
              size="small"
              variant="outlined"
              label={t('rulebook.tiers.tag', { tag })}
              sx={{ fontFamily: 'monospace', fontSize: 11 }}
            />
          ))}
        </Stack>
      </TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
          {describePoints(t, tier.points)}
        </Typography>
        {tier.cap && (
          <Typography variant="caption" color="text.secondary" component="p">
            {t('rulebook.points.cap', { days: tier.cap.withinDays, points: tier.cap.points })}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <TierMeasures tier={tier} />
      </TableCell>
    </TableRow>
  );
}

function TierMeasures({ tier }: { tier: TierView }) {
  const { t } = useTranslation();
  const { punishment } = tier;
  const nothing = !tier.measures.fixed.length && !tier.measures.reviewerFact && !punishment;
  return (
    <Stack spacing={0.5}>
      {tier.measures.fixed.length > 0 && <MeasureChips ids={tier.measures.fixed} />}
      {tier.measures.reviewerFact && (
        <Typography variant="caption" color="text.secondary">
          {t('rulebook.tiers.reviewerMeasures')}
        </Typography>
      )}
      {punishment && (
        <Box>
          <Typography variant="caption" color="text.secondary" component="p">
            {t('rulebook.tiers.punishment', { days: describeDays(t, punishment.days) })}
            {punishment.whileLedgerBelow !== null &&
              ` · ${t('rulebook.tiers.whileLedgerBelow', { points: punishment.whileLedgerBelow })}`}
          </Typography>
          <MeasureChips ids={punishment.measures} />
        </Box>
      )}
      {nothing && (
        <Typography variant="caption" color="text.disabled">
          —
        </Typography>
      )}
    </Stack>
  );
}

import {
  Alert,
  Box,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LedgerView, NodeScaleView, YearEndView } from '../../../shared/api/rulebook';
import { describeDays } from './describeRule';
import { rulesByLedger } from './ledgerUsage';
import { MeasureChips } from './MeasureChips';
import { useLocalized, useRulebook } from './rulebookContext';

/** The point ledgers: node punishments, year end and carry-over, strikes; then search demotion. */
export function LedgersPanel() {
  const { t } = useTranslation();
  const { view } = useRulebook();
  const charging = rulesByLedger(view);
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, minmax(0, 1fr))' }, gap: 2 }}>
        {view.ledgers.map((ledger) => (
          <LedgerCard key={ledger.id} ledger={ledger} ruleIds={charging.get(ledger.id) ?? []} />
        ))}
      </Box>
      <Alert severity="info" variant="outlined">
        {t('rulebook.ledgers.heaviestOnly')} {t('rulebook.ledgers.punishmentsContinue')}
      </Alert>
      <SearchDemotionCard />
    </Stack>
  );
}

function LedgerCard({ ledger, ruleIds }: { ledger: LedgerView; ruleIds: string[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { view } = useRulebook();
  const titleId = `ledger-${ledger.id}`;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-labelledby={titleId}>
      <Typography variant="h6" component="h2" id={titleId} sx={{ fontSize: 16 }}>
        {localized(ledger.name)}
      </Typography>

      <Heading>{t('rulebook.ledgers.nodes')}</Heading>
      <NodeTable nodes={ledger.nodes} />

      <Heading>{t('rulebook.ledgers.yearEnd')}</Heading>
      <YearEnd yearEnd={ledger.yearEnd} />

      {ledger.strikes && (
        <>
          <Heading>{t('rulebook.ledgers.strikes')}</Heading>
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t('rulebook.ledgers.strikesText', {
              limit: ledger.strikes.limit,
              counting: t(`rulebook.ledgers.strikesCounting.${ledger.strikes.counting}`),
            })}
          </Typography>
          <MeasureChips ids={ledger.strikes.measures} />
        </>
      )}

      <Heading>{t('rulebook.ledgers.chargedBy')}</Heading>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
        {ruleIds.map((id) => {
          const rule = view.rules.find((r) => r.id === id);
          return <Chip key={id} size="small" label={rule ? localized(rule.name) : id} title={id} />;
        })}
      </Stack>
    </Paper>
  );
}

function Heading({ children }: { children: string }) {
  return (
    <Typography variant="subtitle2" component="h3" sx={{ mt: 1.5, mb: 0.5, color: 'text.secondary' }}>
      {children}
    </Typography>
  );
}

function NodeTable({ nodes }: { nodes: NodeScaleView }) {
  const { t } = useTranslation();
  if (nodes.kind === 'none') {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('rulebook.ledgers.noNodes')}
      </Typography>
    );
  }
  const rows =
    nodes.kind === 'thresholds'
      ? nodes.nodes.map((n) => ({ key: n.points, threshold: t('rulebook.points.fixed', { points: n.points }), ...n }))
      : [{ key: nodes.step, threshold: t('rulebook.ledgers.every', { step: nodes.step }), ...nodes }];
  return (
    <Table size="small" sx={{ '& td, & th': { verticalAlign: 'top', px: 0.75 } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 84 }}>{t('rulebook.ledgers.threshold')}</TableCell>
          <TableCell>{t('rulebook.ledgers.measures')}</TableCell>
          <TableCell sx={{ width: 64 }}>{t('rulebook.ledgers.duration')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} hover>
            <TableCell sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {row.threshold}
            </TableCell>
            <TableCell>
              <MeasureChips ids={row.measures} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{describeDays(t, row.days)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function YearEnd({ yearEnd }: { yearEnd: YearEndView }) {
  const { t } = useTranslation();
  const { keepAtOrAbove, carryOver } = yearEnd;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5, typography: 'body2', '& li': { mb: 0.25 } }}>
      <li>{t('rulebook.ledgers.resetAt')}</li>
      {carryOver && <li>{t('rulebook.ledgers.carryOver', carryOver)}</li>}
      {keepAtOrAbove !== null && <li>{t('rulebook.ledgers.keep', { points: keepAtOrAbove })}</li>}
    </Box>
  );
}

function SearchDemotionCard() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { view } = useRulebook();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-labelledby="search-demotion-title">
      <Typography variant="h6" component="h2" id="search-demotion-title" sx={{ fontSize: 16, mb: 0.5 }}>
        {t('rulebook.demotion.title')}
      </Typography>
      {view.searchDemotion.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('rulebook.demotion.none')}
        </Typography>
      )}
      {view.searchDemotion.map((d) => {
        const rule = view.rules.find((r) => r.id === d.ruleId);
        return (
          <Stack
            key={`${d.ruleId}-${d.effectiveFrom}`}
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {rule ? localized(rule.name) : d.ruleId}
            </Typography>
            <MeasureChips ids={[d.measure]} />
            <Typography variant="body2">{t('rulebook.demotion.text', { days: d.days, fact: d.itemsFact })}</Typography>
          </Stack>
        );
      })}
    </Paper>
  );
}

import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RuleVersionView } from '../../../shared/api/rulebook';
import { localDate } from '../../../shared/rulebook/time';
import { MeasureChips } from './MeasureChips';
import { useLocalized, useRulebook } from './rulebookContext';
import { TierTable } from './TierTable';
import { type VersionStatus, versionStatus } from './versionStatus';

const STATUS_COLOR = { current: 'success', past: 'default', upcoming: 'info' } as const satisfies Record<
  VersionStatus,
  string
>;

/** A rule's versions, newest first, each with the dates it is in force (platform-local, on the rulebook's clock). */
export function VersionTimeline({ versions }: { versions: RuleVersionView[] }) {
  const { view } = useRulebook();
  const today = localDate(Date.now(), view.utcOffsetMinutes);
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {[...versions].reverse().map((version) => (
        <Box
          component="li"
          key={version.effectiveFrom}
          sx={{
            position: 'relative',
            pl: 3,
            pb: 2,
            // The timeline's spine and a dot per version.
            '&::before': {
              content: '""',
              position: 'absolute',
              left: 7,
              top: 14,
              bottom: 0,
              borderLeft: 2,
              borderColor: 'divider',
            },
            '&:last-of-type::before': { display: 'none' },
            '&::after': {
              content: '""',
              position: 'absolute',
              left: 2,
              top: 8,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: versionStatus(version, today) === 'current' ? 'success.main' : 'grey.500',
            },
          }}
        >
          <VersionCard version={version} status={versionStatus(version, today)} />
        </Box>
      ))}
    </Box>
  );
}

function VersionCard({ version, status }: { version: RuleVersionView; status: VersionStatus }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { ledgers } = useRulebook();
  const ledger = ledgers.get(version.ledger);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid={`version-${version.effectiveFrom}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5, mb: 1 }}>
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
          <EffectiveDates version={version} />
        </Typography>
        <Chip size="small" color={STATUS_COLOR[status]} label={t(`rulebook.version.${status}`)} />
        {ledger && (
          <Chip
            size="small"
            variant="outlined"
            color={version.ledger === 'general' ? 'default' : 'error'}
            label={t('rulebook.version.ledger', { ledger: localized(ledger.name) })}
          />
        )}
      </Stack>
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {localized(version.summary)}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
        {t('rulebook.version.source')}: {version.source}
      </Typography>

      <TierTable tiers={version.tiers} versionLedger={version.ledger} caption={t('rulebook.tiers.title')} />
      {version.overrides.length > 0 && (
        <Box sx={{ mt: 1.5 }}>
          <TierTable tiers={version.overrides} versionLedger={version.ledger} caption={t('rulebook.tiers.overrides')} />
        </Box>
      )}

      <Stack spacing={1} sx={{ mt: 1.5 }}>
        <LabelledMeasures label={t('rulebook.version.measures')} ids={version.measures} />
        {version.nodeMeasures.length > 0 && (
          <LabelledMeasures label={t('rulebook.version.nodeMeasures')} ids={version.nodeMeasures} />
        )}
        {version.demotion && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary" sx={{ minWidth: 96 }}>
              {t('rulebook.demotion.title')}
            </Typography>
            <MeasureChips ids={[version.demotion.measure]} />
            <Typography variant="body2">
              {t('rulebook.version.demotion', { fact: version.demotion.itemsFact, days: version.demotion.days })}
            </Typography>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** "From 2016-08-02 · until 2016-08-01", dates on the platform's calendar. */
function EffectiveDates({ version }: { version: RuleVersionView }) {
  const { t } = useTranslation();
  const from = version.sinceRecordsBegin ? (
    t('rulebook.version.sinceRecordsBegin')
  ) : (
    <time dateTime={version.effectiveFrom}>{t('rulebook.version.from', { date: version.effectiveFrom })}</time>
  );
  return (
    <>
      {from}
      {version.inForceUntil && (
        <>
          {' – '}
          <time dateTime={version.inForceUntil}>{t('rulebook.version.until', { date: version.inForceUntil })}</time>
        </>
      )}
    </>
  );
}

function LabelledMeasures({ label, ids }: { label: string; ids: string[] }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
      <Typography variant="caption" color="text.secondary" sx={{ minWidth: 96, flexShrink: 0 }}>
        {label}
      </Typography>
      <MeasureChips ids={ids} />
    </Stack>
  );
}

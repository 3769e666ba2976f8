import { Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../shared/api/rulebook';
import { platformOfRule } from '../../../shared/rulebook/platforms';
import { platformZoneName } from '../../lib/platformTime';
import { usePlatformName } from '../../lib/usePlatformNames';
import { FactsTable } from './FactsTable';
import { useLocalized } from './rulebookContext';
import { VersionTimeline } from './VersionTimeline';

export function RuleDetail({ rule }: { rule: RuleView }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const platformName = usePlatformName();
  // The platform by its name in the staff's language; the rulebook's own label is English.
  const platform = platformOfRule(rule.id);
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }} component="article" aria-labelledby="rule-detail-title">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography variant="h6" component="h2" id="rule-detail-title">
          {localized(rule.name)}
        </Typography>
        <Chip size="small" label={rule.id} sx={{ fontFamily: 'monospace' }} />
        <Chip size="small" variant="outlined" label={platform ? platformName(platform) : rule.platform} />
        <Typography variant="caption" color="text.secondary">
          {t(`rulebook.counting.${rule.counting}`)}
        </Typography>
      </Stack>

      <Divider sx={{ my: 1.5 }} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h3">
          {t('rulebook.version.title')}
        </Typography>
        <Chip size="small" variant="outlined" label={t('common.timeZone', { zone: platformZoneName() })} />
      </Stack>
      <VersionTimeline versions={rule.versions} />

      <Typography variant="subtitle2" component="h3" sx={{ mt: 1, mb: 1 }}>
        {t('rulebook.facts.title')}
      </Typography>
      <FactsTable facts={rule.facts} />
    </Paper>
  );
}

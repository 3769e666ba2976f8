import { Box, Chip, List, ListItemButton, ListItemText, Paper } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RuleDetail } from './RuleDetail';
import { useLocalized, useRulebook } from './rulebookContext';

/** Master–detail: the rules on the left, the chosen one's versions, tiers and facts on the right. */
export function RulesPanel({ selectedId, onSelect }: { selectedId: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { view } = useRulebook();
  const selected = view.rules.find((r) => r.id === selectedId) ?? view.rules[0];
  if (!selected) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '260px minmax(0, 1fr)' }, gap: 2 }}>
      <Paper variant="outlined" sx={{ alignSelf: 'start', position: { md: 'sticky' }, top: { md: 64 } }}>
        <List dense component="nav" aria-label={t('rulebook.ruleList')} disablePadding>
          {view.rules.map((rule) => (
            <ListItemButton
              key={rule.id}
              selected={rule.id === selected.id}
              aria-current={rule.id === selected.id ? 'true' : undefined}
              onClick={() => onSelect(rule.id)}
            >
              <ListItemText
                primary={localized(rule.name)}
                secondary={rule.id}
                slotProps={{ secondary: { sx: { fontFamily: 'monospace', fontSize: 11 } } }}
              />
              {/* Only rules that changed over time carry a count: those are the ones to read closely. */}
              {rule.versions.length > 1 && (
                <Chip
                  size="small"
                  variant="outlined"
                  label={t('rulebook.versionCount', { n: rule.versions.length })}
                  sx={{ ml: 1, flexShrink: 0 }}
                />
              )}
            </ListItemButton>
          ))}
        </List>
      </Paper>
      <RuleDetail rule={selected} />
    </Box>
  );
}

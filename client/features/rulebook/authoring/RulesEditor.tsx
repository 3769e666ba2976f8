/**
 * Rules of the draft: how occurrences count, the facts the reviewer records (with their
 * descriptions in both languages), and the versions. A version already in force is shown but not
 * edited; a new version, dated today or later, supersedes it.
 */
import { Add, Delete } from '@mui/icons-material';
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SINCE_RECORDS_BEGIN } from '../../../../shared/rulebook/defaultRulebook';
import type { RuleDefinition, RuleVersion } from '../../../../shared/rulebook/types';
import { OUTCOMES } from '../../../../shared/rulebook/types';
import { describeWhen } from '../describeRule';
import { useLocalized } from '../rulebookContext';
import { DraftDaysField, DraftNumberField, DraftTextField } from './DraftFields';
import { DraftEditingProvider, useDraftEditing } from './draftEditing';
import { NewVersionDialog } from './NewVersionDialog';

export function RulesEditor({ selectedId, onSelect }: { selectedId: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { rulebook } = useDraftEditing();
  const index = Math.max(
    0,
    rulebook.rules.findIndex((r) => r.id === selectedId),
  );
  const selected = rulebook.rules[index];
  if (!selected) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px minmax(0, 1fr)' }, gap: 2 }}>
      <Paper variant="outlined" sx={{ alignSelf: 'start' }}>
        <List dense component="nav" aria-label={t('rulebookAuthoring.rule.choose')} disablePadding>
          {rulebook.rules.map((rule) => (
            <ListItemButton
              key={rule.id}
              selected={rule.id === selected.id}
              aria-current={rule.id === selected.id ? 'true' : undefined}
              onClick={() => onSelect(rule.id)}
            >
              <ListItemText primary={localized(rule.name)} />
            </ListItemButton>
          ))}
        </List>
      </Paper>
      <RuleEditor key={selected.id} rule={selected} index={index} />
    </Box>
  );
}

function RuleEditor({ rule, index }: { rule: RuleDefinition; index: number }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const editing = useDraftEditing();
  const [adding, setAdding] = useState(false);
  const at = ['rules', index] as const;
  const existing = editing.published.get(rule.id) ?? new Set<string>();
  const inForce = new Set([...existing].filter((date) => date <= editing.today));
  return (
    <Stack spacing={2} component="section" aria-labelledby="draft-rule-heading">
      <Typography variant="h6" component="h3" id="draft-rule-heading">
        {localized(rule.name)}
      </Typography>
      <TextField
        select
        size="small"
        label={t('rulebookAuthoring.rule.counting')}
        value={rule.counting}
        disabled={editing.readOnly}
        onChange={(e) => editing.edit([...at, 'counting'], e.target.value)}
        sx={{ width: 240 }}
      >
        {(['ever', 'year'] as const).map((c) => (
          <MenuItem key={c} value={c}>
            {t(`rulebookAuthoring.rule.countingValues.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <FactsEditor rule={rule} index={index} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h4" sx={{ flexGrow: 1 }}>
          {t('rulebookAuthoring.rule.versions')}
        </Typography>
        <Button size="small" startIcon={<Add />} disabled={editing.readOnly} onClick={() => setAdding(true)}>
          {t('rulebookAuthoring.rule.newVersion')}
        </Button>
      </Stack>
      {rule.versions.map((version, v) => {
        const passed = inForce.has(version.effectiveFrom);
        return (
          <DraftEditingProvider
            // A version's place is its identity here (the server's paths name it so); its date is
            // typed into, so keying by the date would remount the field on every keystroke.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={v}
            value={{ ...editing, readOnly: editing.readOnly || passed }}
          >
            <VersionEditor
              version={version}
              path={[...at, 'versions', v]}
              passed={passed}
              added={!existing.has(version.effectiveFrom)}
              onRemove={() =>
                editing.edit(
                  [...at, 'versions'],
                  rule.versions.filter((_x, j) => j !== v),
                )
              }
            />
          </DraftEditingProvider>
        );
      })}
      {adding && (
        <NewVersionDialog
          rule={rule}
          onClose={() => setAdding(false)}
          onAdd={(version) => {
            editing.edit([...at, 'versions'], [...rule.versions, version]);
            setAdding(false);
          }}
        />
      )}
    </Stack>
  );
}

function FactsEditor({ rule, index }: { rule: RuleDefinition; index: number }) {
  const { t } = useTranslation();
  const facts = Object.entries(rule.facts);
  return (
    <Box>
      <Typography variant="subtitle1" component="h4" gutterBottom>
        {t('rulebookAuthoring.rule.facts')}
      </Typography>
      {facts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('rulebook.facts.none')}
        </Typography>
      ) : (
        <Table size="small" aria-label={t('rulebookAuthoring.rule.facts')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 140 }}>{t('rulebookAuthoring.rule.factName')}</TableCell>
              <TableCell sx={{ width: 100 }}>{t('rulebookAuthoring.rule.factType')}</TableCell>
              <TableCell>{t('rulebookAuthoring.rule.labelZh')}</TableCell>
              <TableCell>{t('rulebookAuthoring.rule.labelEn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {facts.map(([name, spec]) => (
              <TableRow key={name}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{name}</TableCell>
                <TableCell>{t(`rulebook.facts.types.${spec.type}`)}</TableCell>
                <TableCell>
                  <DraftTextField
                    path={['rules', index, 'facts', name, 'description', 'zh']}
                    label={t('rulebookAuthoring.rule.labelZh')}
                  />
                </TableCell>
                <TableCell>
                  <DraftTextField
                    path={['rules', index, 'facts', name, 'description', 'en']}
                    label={t('rulebookAuthoring.rule.labelEn')}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

function VersionEditor(props: {
  version: RuleVersion;
  path: readonly (string | number)[];
  passed: boolean;
  added: boolean;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { rulebook, edit, readOnly } = useDraftEditing();
  const { version, path } = props;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`draft-version-${version.effectiveFrom}`}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {props.added ? (
            <DraftTextField path={[...path, 'effectiveFrom']} label={t('rulebookAuthoring.rule.effectiveFrom')} />
          ) : (
            <Typography variant="subtitle2" component="h5" sx={{ flexGrow: 1 }}>
              {version.effectiveFrom === SINCE_RECORDS_BEGIN
                ? t('rulebook.version.sinceRecordsBegin')
                : t('rulebookAuthoring.rule.versionFrom', { date: version.effectiveFrom })}
            </Typography>
          )}
          {props.passed && <Chip size="small" label={t('rulebookAuthoring.rule.passedChip')} />}
          {props.added && (
            <Button size="small" color="error" startIcon={<Delete />} disabled={readOnly} onClick={props.onRemove}>
              {t('rulebookAuthoring.rule.removeVersion')}
            </Button>
          )}
        </Stack>
        {props.passed && <Alert severity="info">{t('rulebookAuthoring.rule.passed')}</Alert>}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
          <DraftTextField path={[...path, 'summary', 'zh']} label={t('rulebookAuthoring.rule.summaryZh')} multiline />
          <DraftTextField path={[...path, 'summary', 'en']} label={t('rulebookAuthoring.rule.summaryEn')} multiline />
        </Stack>
        <Stack direction="row" spacing={1.5}>
          <DraftTextField path={[...path, 'source']} label={t('rulebookAuthoring.rule.source')} />
          <TextField
            select
            size="small"
            label={t('rulebookAuthoring.rule.ledger')}
            value={version.ledger}
            disabled={readOnly}
            onChange={(e) => edit([...path, 'ledger'], e.target.value)}
            sx={{ minWidth: 200 }}
          >
            {Object.entries(rulebook.ledgers).map(([id, ledger]) => (
              <MenuItem key={id} value={id}>
                {localized(ledger.name)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Typography variant="subtitle2" component="h6">
          {t('rulebookAuthoring.rule.tiers')}
        </Typography>
        {(['cases', 'overrides'] as const).flatMap((kind) =>
          (version[kind] ?? []).map((c, i) => (
            <Box
              // Tiers have no id: their place is what the engine and the server's paths go by.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={`${kind}-${i}`}
              sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}
              data-testid={`draft-tier-${kind}-${i}`}
            >
              <Typography variant="body2" gutterBottom>
                {t('rulebookAuthoring.rule.tier', {
                  n: i + 1,
                  when: describeWhen(t, c.when ?? null, (version[kind] ?? []).length === 1),
                })}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
                {localized(c.basis)}
              </Typography>
              <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} useFlexGap>
                <TextField
                  select
                  size="small"
                  label={t('rulebookAuthoring.rule.outcome')}
                  value={c.outcome}
                  disabled={readOnly}
                  onChange={(e) => edit([...path, kind, i, 'outcome'], e.target.value)}
                  sx={{ width: 180 }}
                >
                  {OUTCOMES.map((o) => (
                    <MenuItem key={o} value={o}>
                      {t(`rulebook.outcome.${o}`)}
                    </MenuItem>
                  ))}
                </TextField>
                {typeof c.points === 'object' && 'each' in c.points ? (
                  <DraftNumberField
                    path={[...path, kind, i, 'points', 'each']}
                    label={t('rulebookAuthoring.rule.perUnitEach')}
                    width={160}
                  />
                ) : typeof c.points === 'object' ? (
                  <DraftNumberField
                    path={[...path, kind, i, 'points', 'default']}
                    label={t('rulebookAuthoring.rule.fromFactDefault')}
                    width={220}
                  />
                ) : (
                  <DraftNumberField path={[...path, kind, i, 'points']} label={t('rulebookAuthoring.rule.points')} />
                )}
                {c.punishment &&
                  (typeof c.punishment.days === 'object' && c.punishment.days !== null ? (
                    <DraftNumberField
                      path={[...path, kind, i, 'punishment', 'days', 'default']}
                      label={t('rulebookAuthoring.rule.punishmentDefault')}
                      width={200}
                    />
                  ) : (
                    <DraftDaysField
                      path={[...path, kind, i, 'punishment', 'days']}
                      label={t('rulebookAuthoring.rule.punishmentDays')}
                    />
                  ))}
              </Stack>
            </Box>
          )),
        )}
      </Stack>
    </Paper>
  );
}

import {
  Alert,
  Box,
  Chip,
  LinearProgress,
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
import type { RulebookDiffView } from '../../../../shared/api/rulebookDrafts';
import type { Rulebook } from '../../../../shared/rulebook/types';
import { useLocalized } from '../rulebookContext';
import { describeValue } from './diffValues';
import { describePlace, splitPath } from './issuePlaces';
import type { DraftEditor } from './useDraftEditor';

type Change = RulebookDiffView['other'][number];

/**
 * The draft against the rulebook in force, rule by rule: each changed field with its place in
 * words and its value before and after. It follows the unsaved edits once the server has checked them.
 */
export function DiffView({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { diff, rulebook } = editor;
  if (!rulebook) return null;
  if (!diff) return <LinearProgress aria-label={t('common.loading')} sx={{ mt: 2 }} />;
  const rulebooks: Rulebook[] = [rulebook];
  const groupTitle = (group: { ledger?: string; measure?: string }) => {
    const ledger = group.ledger === undefined ? undefined : rulebook.ledgers[group.ledger];
    const measure = group.measure === undefined ? undefined : rulebook.measures[group.measure];
    if (group.ledger !== undefined)
      return t('rulebookAuthoring.diff.ledgerTitle', { name: ledger ? localized(ledger.name) : group.ledger });
    if (group.measure !== undefined)
      return t('rulebookAuthoring.diff.measureTitle', { name: measure ? localized(measure.label) : group.measure });
    return t('rulebookAuthoring.diff.otherTitle');
  };
  const empty = diff.added.length + diff.removed.length + diff.changed.length + diff.other.length === 0;
  return (
    <Stack spacing={2} sx={{ pt: 2 }} data-testid="draft-diff">
      <Typography variant="h6" component="h2">
        {t('rulebookAuthoring.diff.title')}
      </Typography>
      {editor.dirty && <Alert severity="info">{t('rulebookAuthoring.diff.unsavedNote')}</Alert>}
      {empty && <Alert severity="info">{t('rulebookAuthoring.diff.none')}</Alert>}
      {diff.added.length > 0 && (
        <RuleChips
          title={t('rulebookAuthoring.diff.addedRules')}
          names={diff.added.map((r) => localized(r.name))}
          color="success"
        />
      )}
      {diff.removed.length > 0 && (
        <RuleChips
          title={t('rulebookAuthoring.diff.removedRules')}
          names={diff.removed.map((r) => localized(r.name))}
          color="error"
        />
      )}
      {groupOther(diff.other).map((group) => (
        <ChangeTable
          key={group.key}
          title={groupTitle(group)}
          changes={group.changes}
          place={(path) => describePlace(t, localized, rulebook, path, group.key !== 'other')}
          value={(path, v) => describeValue(t, localized, rulebooks, path, v)}
        />
      ))}
      {diff.changed.map((rule) => {
        const index = rulebook.rules.findIndex((r) => r.id === rule.ruleId);
        return (
          <ChangeTable
            key={rule.ruleId}
            title={t('rulebookAuthoring.diff.ruleTitle', { name: localized(rule.name) })}
            changes={rule.fields}
            place={(path) => describePlace(t, localized, rulebook, `rules[${index}].${path}`, true)}
            value={(path, v) => describeValue(t, localized, rulebooks, path, v)}
          />
        );
      })}
    </Stack>
  );
}

/** Changes outside the rules, one table per ledger and per measure, the rest together. */
function groupOther(changes: Change[]): { key: string; ledger?: string; measure?: string; changes: Change[] }[] {
  const groups = new Map<string, { key: string; ledger?: string; measure?: string; changes: Change[] }>();
  for (const change of changes) {
    const [head, name] = splitPath(change.path);
    const ledger = head === 'ledgers' && typeof name === 'string' ? name : undefined;
    const measure = head === 'measures' && typeof name === 'string' ? name : undefined;
    const key = ledger !== undefined ? `ledger:${ledger}` : measure !== undefined ? `measure:${measure}` : 'other';
    const group = groups.get(key) ?? { key, ledger, measure, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function RuleChips(props: { title: string; names: string[]; color: 'success' | 'error' }) {
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {props.title}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {props.names.map((name) => (
          <Chip key={name} label={name} color={props.color} variant="outlined" />
        ))}
      </Stack>
    </Box>
  );
}

function ChangeTable(props: {
  title: string;
  changes: Change[];
  place(path: string): string;
  value(path: string, value: unknown): string;
}) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" component="section" aria-label={props.title}>
      <Typography variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5 }}>
        {props.title}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '40%' }}>{t('rulebookAuthoring.diff.field')}</TableCell>
            <TableCell>{t('rulebookAuthoring.diff.before')}</TableCell>
            <TableCell>{t('rulebookAuthoring.diff.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.changes.map((change) => (
            <TableRow key={change.path}>
              <TableCell>{props.place(change.path)}</TableCell>
              <TableCell sx={{ color: 'error.main', wordBreak: 'break-word' }}>
                {props.value(change.path, change.before)}
              </TableCell>
              <TableCell sx={{ color: 'success.main', wordBreak: 'break-word' }}>
                {props.value(change.path, change.after)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

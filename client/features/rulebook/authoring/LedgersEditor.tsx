/**
 * Points ledgers of the draft: node punishments (totals, measures, durations), the year end
 * (what is kept whole, the carry-over) and the strike limit.
 */
import { Add, Delete } from '@mui/icons-material';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LedgerPolicy, NodeScale } from '../../../../shared/rulebook/types';
import { useLocalized } from '../rulebookContext';
import { DraftDaysField, DraftMeasuresField, DraftNumberField } from './DraftFields';
import { useDraftEditing } from './draftEditing';

export function LedgersEditor() {
  const { rulebook } = useDraftEditing();
  return (
    <Stack spacing={2}>
      {Object.entries(rulebook.ledgers).map(([id, ledger]) => (
        <LedgerEditor key={id} id={id} ledger={ledger} />
      ))}
    </Stack>
  );
}

const KINDS = ['thresholds', 'every', 'none'] as const;

/** A scale of another kind, keeping what can be kept (the measures and duration). */
function switchKind(scale: NodeScale, kind: NodeScale['kind']): NodeScale {
  const measures =
    scale.kind === 'every' ? scale.measures : scale.kind === 'thresholds' ? (scale.nodes[0]?.measures ?? []) : [];
  const days =
    scale.kind === 'every' ? scale.days : scale.kind === 'thresholds' ? (scale.nodes[0]?.days ?? null) : null;
  if (kind === 'thresholds') return { kind, nodes: [{ points: 12, measures, days }] };
  if (kind === 'every') return { kind, step: 12, measures, days };
  return { kind: 'none' };
}

function LedgerEditor({ id, ledger }: { id: string; ledger: LedgerPolicy }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { edit, readOnly } = useDraftEditing();
  const at = ['ledgers', id] as const;
  const headingId = `draft-ledger-${id}`;
  const nodes = ledger.nodes;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={headingId}>
      <Typography variant="h6" component="h3" id={headingId} gutterBottom>
        {localized(ledger.name)}
      </Typography>
      <TextField
        select
        size="small"
        label={t('rulebookAuthoring.ledger.kind')}
        value={nodes.kind}
        disabled={readOnly}
        onChange={(e) => edit([...at, 'nodes'], switchKind(nodes, e.target.value as NodeScale['kind']))}
        sx={{ width: 220, mb: 2 }}
      >
        {KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {t(`rulebookAuthoring.ledger.kinds.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      {nodes.kind === 'thresholds' && (
        <Stack spacing={1.5}>
          {nodes.nodes.map((node, i) => (
            <Box
              // Nodes have no id; position is what the server's paths name too.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              data-testid={`draft-node-${id}-${i}`}
              sx={{ display: 'grid', gridTemplateColumns: '140px 1fr 260px 40px', gap: 1.5, alignItems: 'start' }}
            >
              <DraftNumberField
                path={[...at, 'nodes', 'nodes', i, 'points']}
                label={t('rulebookAuthoring.ledger.nodePoints')}
              />
              <DraftMeasuresField
                path={[...at, 'nodes', 'nodes', i, 'measures']}
                label={t('rulebookAuthoring.ledger.measures')}
              />
              <DraftDaysField path={[...at, 'nodes', 'nodes', i, 'days']} label={t('rulebookAuthoring.ledger.days')} />
              <IconButton
                disabled={readOnly}
                aria-label={t('rulebookAuthoring.ledger.removeNode', { points: node.points })}
                onClick={() =>
                  edit(
                    [...at, 'nodes', 'nodes'],
                    nodes.nodes.filter((_n, j) => j !== i),
                  )
                }
              >
                <Delete fontSize="small" />
              </IconButton>
            </Box>
          ))}
          <Box>
            <Button
              size="small"
              startIcon={<Add />}
              disabled={readOnly}
              onClick={() => {
                const last = nodes.nodes[nodes.nodes.length - 1];
                const points = typeof last?.points === 'number' ? last.points + 12 : 12;
                edit([...at, 'nodes', 'nodes'], [...nodes.nodes, { points, measures: [], days: 7 }]);
              }}
            >
              {t('rulebookAuthoring.ledger.addNode')}
            </Button>
          </Box>
        </Stack>
      )}
      {nodes.kind === 'every' && (
        <Box sx={{ display: 'grid', gridTemplateColumns: '140px 1fr 260px', gap: 1.5, alignItems: 'start' }}>
          <DraftNumberField path={[...at, 'nodes', 'step']} label={t('rulebookAuthoring.ledger.step')} />
          <DraftMeasuresField path={[...at, 'nodes', 'measures']} label={t('rulebookAuthoring.ledger.measures')} />
          <DraftDaysField path={[...at, 'nodes', 'days']} label={t('rulebookAuthoring.ledger.days')} />
        </Box>
      )}
      <YearEndEditor id={id} ledger={ledger} />
      {ledger.strikes && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h4" gutterBottom>
            {t('rulebookAuthoring.ledger.strikes')}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: '140px 1fr', gap: 1.5, alignItems: 'start' }}>
            <DraftNumberField path={[...at, 'strikes', 'limit']} label={t('rulebookAuthoring.ledger.strikeLimit')} />
            <DraftMeasuresField path={[...at, 'strikes', 'measures']} label={t('rulebookAuthoring.ledger.measures')} />
          </Box>
        </Box>
      )}
    </Paper>
  );
}

function YearEndEditor({ id, ledger }: { id: string; ledger: LedgerPolicy }) {
  const { t } = useTranslation();
  const { edit, readOnly } = useDraftEditing();
  const at = ['ledgers', id, 'yearEnd'] as const;
  const carry = ledger.yearEnd.carryOver;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        {t('rulebookAuthoring.ledger.yearEnd')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} useFlexGap>
        <DraftNumberField
          path={[...at, 'keepAtOrAbove']}
          label={t('rulebookAuthoring.ledger.keepAtOrAbove')}
          helperText={t('rulebookAuthoring.ledger.keepHint')}
          optional
          width={220}
        />
        <FormControlLabel
          disabled={readOnly}
          control={
            <Checkbox
              size="small"
              checked={Boolean(carry)}
              onChange={(e) =>
                edit(
                  [...at, 'carryOver'],
                  e.target.checked ? { atOrAbove: 12, points: 12, clearIfAddedBelow: 12 } : undefined,
                )
              }
            />
          }
          label={t('rulebookAuthoring.ledger.carryOverOn')}
        />
        {carry && (
          <>
            <DraftNumberField
              path={[...at, 'carryOver', 'atOrAbove']}
              label={t('rulebookAuthoring.ledger.carryAtOrAbove')}
            />
            <DraftNumberField path={[...at, 'carryOver', 'points']} label={t('rulebookAuthoring.ledger.carryPoints')} />
            <DraftNumberField
              path={[...at, 'carryOver', 'clearIfAddedBelow']}
              label={t('rulebookAuthoring.ledger.clearIfAddedBelow')}
              width={260}
            />
          </>
        )}
      </Stack>
    </Box>
  );
}

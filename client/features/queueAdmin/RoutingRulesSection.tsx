import Add from '@mui/icons-material/Add';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import Delete from '@mui/icons-material/Delete';
import Edit from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  IconButton,
  LinearProgress,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../shared/api/queues';
import type { RoutingRule } from '../../../shared/cases/routing';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import type { Notify } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { describeMatch } from './describeMatch';
import { queueName } from './queueName';
import { RoutingRuleDialog } from './RoutingRuleDialog';
import type { RoutingMatchInput } from './routingForm';
import { moveRule, nextPosition } from './routingOrder';
import { useRefreshQueues } from './useRefreshQueues';

type Editing = { rule: RoutingRule | null } | null;

/** The routing rules in the order they are tried; leads add, edit, reorder, switch off and delete them. */
export function RoutingRulesSection(props: { queues: QueueView[]; canManage: boolean; notify: Notify }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const headingId = useId();
  const query = useQuery(trpc.queues.routingRules.queryOptions());
  const loadError = useTranslatedError(query.error);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const refresh = useRefreshQueues();
  const rules = query.data ?? [];

  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('queues.routing.title')}
        </Typography>
        {props.canManage && (
          <Button
            variant="outlined"
            startIcon={<Add />}
            onClick={() => setEditing({ rule: null })}
            disabled={!query.data || props.queues.length === 0}
          >
            {t('queues.routing.add')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('queues.routing.hint')}
      </Typography>
      {query.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {loadError && (
        <LoadErrorAlert onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {t('queues.routing.loadFailed')}: {loadError}
        </LoadErrorAlert>
      )}
      {query.data && (
        <RoutingRulesTable
          rules={rules}
          queues={props.queues}
          canManage={props.canManage}
          notify={props.notify}
          onEdit={(rule) => setEditing({ rule })}
          onDelete={setDeleting}
        />
      )}
      {editing && (
        <RoutingRuleDialog
          rule={editing.rule}
          newPosition={nextPosition(rules)}
          queues={props.queues}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            await refresh();
            props.notify(t(editing.rule ? 'queues.routing.saved' : 'queues.routing.added'));
            setEditing(null);
          }}
        />
      )}
      {deleting && (
        <DeleteRuleDialog
          rule={deleting}
          number={rules.findIndex((r) => r.id === deleting.id) + 1}
          queueLabel={queueLabel(props.queues, deleting.queueId, i18n.language)}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            props.notify(t('queues.routing.deleted'));
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}

/** The target queue's name, or its id if the list lacks it (e.g. a queue created meanwhile elsewhere). */
function queueLabel(queues: QueueView[], queueId: string, language: string): string {
  const queue = queues.find((q) => q.id === queueId);
  return queue ? queueName(queue, language) : queueId;
}

function RoutingRulesTable(props: {
  rules: RoutingRule[];
  queues: QueueView[];
  canManage: boolean;
  notify: Notify;
  onEdit(rule: RoutingRule): void;
  onDelete(rule: RoutingRule): void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  const saveRule = useMutation(trpc.queues.saveRoutingRule.mutationOptions());
  const actionError = useTranslatedError(saveRule.error);
  const [moving, setMoving] = useState(false);
  const busy = moving || saveRule.isPending;
  const { rules } = props;

  // The stored conditions go back unchanged. A rule naming a rule id the rulebook has since
  // dropped is refused by the server (invalid input) until a lead edits that condition away.
  const save = (rule: RoutingRule, patch: Pick<RoutingRule, 'position'> | Pick<RoutingRule, 'enabled'>) =>
    saveRule.mutateAsync({ ...rule, ...patch, match: rule.match as RoutingMatchInput });

  // There is no reorder procedure: a move saves each rule whose position changes (usually two).
  const move = async (index: number, delta: -1 | 1) => {
    setMoving(true);
    try {
      for (const change of moveRule(rules, index, delta)) {
        const rule = rules.find((r) => r.id === change.id);
        if (rule) await save(rule, { position: change.position });
      }
      props.notify(t('queues.routing.moved'));
    } catch {
      // saveRule.error has the reason and is shown above the table.
    } finally {
      await refresh();
      setMoving(false);
    }
  };

  const setEnabled = async (rule: RoutingRule, enabled: boolean) => {
    try {
      await save(rule, { enabled });
      await refresh();
      props.notify(t(enabled ? 'queues.routing.enabledOn' : 'queues.routing.enabledOff'));
    } catch {
      // Shown above the table.
    }
  };

  if (rules.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
        {t('queues.routing.empty')}
      </Typography>
    );
  }

  return (
    <>
      {actionError && <Alert severity="error">{actionError}</Alert>}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('queues.routing.title')} data-testid="routing-rules">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 64 }}>{t('queues.routing.columns.position')}</TableCell>
              <TableCell>{t('queues.routing.columns.queue')}</TableCell>
              <TableCell>{t('queues.routing.columns.conditions')}</TableCell>
              <TableCell sx={{ width: 80 }}>{t('queues.routing.columns.enabled')}</TableCell>
              {props.canManage && <TableCell sx={{ width: 180 }}>{t('queues.routing.columns.actions')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {rules.map((rule, index) => {
              const n = index + 1;
              return (
                <TableRow key={rule.id} sx={rule.enabled ? undefined : { opacity: 0.6 }}>
                  <TableCell>{n}</TableCell>
                  <TableCell>{queueLabel(props.queues, rule.queueId, i18n.language)}</TableCell>
                  <TableCell>
                    {describeMatch(rule.match, t, i18n.language).map((phrase) => (
                      <Box key={phrase}>{phrase}</Box>
                    ))}
                  </TableCell>
                  <TableCell>
                    {props.canManage ? (
                      <Switch
                        size="small"
                        checked={rule.enabled}
                        disabled={busy}
                        onChange={(e) => void setEnabled(rule, e.target.checked)}
                        slotProps={{ input: { 'aria-label': t('queues.routing.enableRule', { n }) } }}
                      />
                    ) : (
                      t(rule.enabled ? 'queues.routing.yes' : 'queues.routing.no')
                    )}
                  </TableCell>
                  {props.canManage && (
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <RowAction
                        label={t('queues.routing.moveUp', { n })}
                        icon={<ArrowUpward fontSize="small" />}
                        disabled={busy || index === 0}
                        onClick={() => void move(index, -1)}
                      />
                      <RowAction
                        label={t('queues.routing.moveDown', { n })}
                        icon={<ArrowDownward fontSize="small" />}
                        disabled={busy || index === rules.length - 1}
                        onClick={() => void move(index, 1)}
                      />
                      <RowAction
                        label={t('queues.routing.editRule', { n })}
                        icon={<Edit fontSize="small" />}
                        disabled={busy}
                        onClick={() => props.onEdit(rule)}
                      />
                      <RowAction
                        label={t('queues.routing.deleteRule', { n })}
                        icon={<Delete fontSize="small" />}
                        disabled={busy}
                        onClick={() => props.onDelete(rule)}
                      />
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

function RowAction(props: { label: string; icon: ReactNode; disabled: boolean; onClick(): void }) {
  return (
    <Tooltip title={props.label}>
      {/* The span keeps the tooltip working while the button is disabled. */}
      <span>
        <IconButton size="small" aria-label={props.label} disabled={props.disabled} onClick={props.onClick}>
          {props.icon}
        </IconButton>
      </span>
    </Tooltip>
  );
}

function DeleteRuleDialog(props: {
  rule: RoutingRule;
  number: number;
  queueLabel: string;
  onClose(): void;
  onDeleted(): void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  const remove = useMutation(trpc.queues.deleteRoutingRule.mutationOptions());
  const errorText = useTranslatedError(remove.error);
  return (
    <ConfirmDialog
      title={t('queues.routing.deleteTitle')}
      text={t('queues.routing.deleteText', {
        n: props.number,
        conditions: describeMatch(props.rule.match, t, i18n.language).join(' · '),
        queue: props.queueLabel,
      })}
      confirmLabel={t('queues.routing.delete')}
      busy={remove.isPending}
      error={errorText}
      onClose={props.onClose}
      onConfirm={() =>
        remove.mutate(
          { id: props.rule.id },
          {
            onSuccess: async () => {
              await refresh();
              props.onDeleted();
            },
          },
        )
      }
    />
  );
}

import {
  Alert,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../../shared/api/caseList';
import { DEFAULT_PLATFORM, platformOfRule } from '../../../../shared/rulebook/platforms';
import { FormDialog } from '../../../lib/FormDialog';
import { errorReason, useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { ViewDialog } from '../../../lib/ViewDialog';
import { FactsFields } from '../../case/decision/FactsFields';
import { initialFactInputs, toFacts } from '../../case/decision/factsForm';
import { PreviewSummary } from '../../case/decision/PreviewSummary';
import { EMPTY_REASON, ReasonFields, type ReasonValue } from '../../case/decision/ReasonFields';
import { useDecisionPreview } from '../../case/decision/useDecisionPreview';
import { RulebookGate } from '../../rulebook/RulebookGate';
import { useLocalized, useRulebook } from '../../rulebook/rulebookContext';
import { sharedRule } from './bulkSelection';

type BulkKind = 'dismiss' | 'waive' | 'apply';
const withFactsOf = (kind: BulkKind) => kind !== 'dismiss';
type Row = Pick<CaseListItem, 'id' | 'version' | 'rule'>;

/**
 * One decision for many cases: dismiss, or waive / apply under the rule they share with one
 * set of facts. All or nothing under one batch id; each case's `version` is the one the
 * reviewer selected, so a case that changed meanwhile stops the batch (CONFLICT).
 */
export function BulkDecideDialog(props: { open: boolean; rows: Row[]; onClose(): void; onDecided(): void }) {
  const { t } = useTranslation();
  // While the rulebook loads (or fails to), its progress or error shows in a dialog of the same title.
  const waiting = (content: ReactNode) => (
    <ViewDialog
      title={t('bulk.title', { count: props.rows.length })}
      closeLabel={t('common.cancel')}
      onClose={props.onClose}
    >
      {content}
    </ViewDialog>
  );
  return (
    props.open && (
      // Cases of one rule are all of that rule's platform: its rulebook has the facts and measures.
      <RulebookGate wrap={waiting} platform={platformOfRule(sharedRule(props.rows) ?? '') ?? DEFAULT_PLATFORM}>
        <BulkDecideForm {...props} />
      </RulebookGate>
    )
  );
}

function BulkDecideForm(props: { rows: Row[]; onClose(): void; onDecided(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { view } = useRulebook();
  const localized = useLocalized();
  // The versions the reviewer chose: pinned when the dialog opened, renewed only on request.
  const [pinned, setPinned] = useState(props.rows);
  const ruleId = sharedRule(pinned);
  const rule = view.rules.find((r) => r.id === ruleId) ?? null;
  const [kind, setKind] = useState<BulkKind>('dismiss');
  const [inputs, setInputs] = useState(() => initialFactInputs(rule?.facts ?? []));
  const [reasons, setReasons] = useState<Record<BulkKind, ReasonValue>>({
    dismiss: EMPTY_REASON,
    waive: EMPTY_REASON,
    apply: EMPTY_REASON,
  });
  const [showAllProblems, setShowAllProblems] = useState(false);
  const { facts, problems } = useMemo(() => toFacts(rule?.facts ?? [], inputs), [rule, inputs]);
  const bulk = useMutation(
    trpc.cases.bulkDecide.mutationOptions({
      onSuccess: () => {
        props.onDecided();
        void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.approvals.pathKey() });
      },
      onError: (error) => {
        if (errorReason(error) === 'stale_version')
          void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
    }),
  );
  // The same per-kind preview as the decision panel and the approvals card, for the first case:
  // each case is judged on its own subject's record, so the others may differ.
  const example = pinned[0];
  const preview = useDecisionPreview(
    { caseId: example?.id ?? 0, facts: withFactsOf(kind) ? facts : {}, decision: kind },
    example !== undefined && (!withFactsOf(kind) || (rule !== null && Object.keys(problems).length === 0)),
  );
  const errorText = useTranslatedError(bulk.error);
  const stale = errorReason(bulk.error) === 'stale_version';
  const withFacts = kind !== 'dismiss';
  const reason = reasons[kind];
  const ready =
    reason.text.trim().length > 0 &&
    !bulk.isPending &&
    (!withFacts || (rule !== null && Object.keys(problems).length === 0));

  const submit = () => {
    if (withFacts && Object.keys(problems).length) setShowAllProblems(true);
    if (!ready) return;
    bulk.mutate({
      cases: pinned.map((r) => ({ id: r.id, version: r.version })),
      decision: kind,
      ...(withFacts && ruleId ? { rule: ruleId, facts } : {}),
      reason: reason.text.trim(),
      reasonTemplate: reason.template ?? undefined,
    });
  };

  const title = t('bulk.title', { count: pinned.length });
  if (bulk.data) {
    return (
      <ViewDialog title={title} closeLabel={t('bulk.close')} focusClose onClose={props.onClose}>
        <Alert severity="success" sx={{ mb: 2 }} data-testid="bulk-result">
          {t('bulk.done', { count: bulk.data.results.length })}
          <div>
            {t('bulk.batch')} <code data-testid="bulk-batch-id">{bulk.data.batchId}</code>
          </div>
        </Alert>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('queue.columns.id')}</TableCell>
              <TableCell>{t('queue.columns.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {bulk.data.results.map((r) => (
              <TableRow key={r.caseId}>
                <TableCell>{r.caseId}</TableCell>
                <TableCell>
                  {t(`status.${r.status}`, { defaultValue: r.status })}
                  {r.requiresApproval && ` · ${t('bulk.awaitingApproval')}`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ViewDialog>
    );
  }

  return (
    <FormDialog
      title={title}
      pending={bulk.isPending}
      confirmLabel={t('bulk.submit', { count: pinned.length })}
      incomplete={!ready}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {pinned.map((r) => (
          <Chip key={r.id} size="small" label={t('case.title', { id: r.id })} />
        ))}
      </Stack>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={kind}
        onChange={(_e, next: BulkKind | null) => next && setKind(next)}
        aria-label={t('bulk.kind')}
      >
        <ToggleButton value="dismiss">{t('decision.action.dismiss')}</ToggleButton>
        <ToggleButton value="waive" disabled={!rule}>
          {t('decision.action.waive')}
        </ToggleButton>
        <ToggleButton value="apply" disabled={!rule}>
          {t('decision.action.apply')}
        </ToggleButton>
      </ToggleButtonGroup>
      {rule ? (
        withFacts && (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('bulk.sameFacts', { rule: localized(rule.name) })}
            </Typography>
            <FactsFields
              ruleId={rule.id}
              facts={rule.facts}
              inputs={inputs}
              onChange={(name, value) => setInputs((prev) => ({ ...prev, [name]: value }))}
              problems={problems}
              showAllProblems={showAllProblems}
            />
          </>
        )
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t('bulk.mixedRules')}
        </Typography>
      )}
      {example && preview.data && preview.data.kind === kind && (
        <Stack spacing={0.5} data-testid="bulk-preview">
          <Typography variant="caption" color="text.secondary">
            {t('bulk.previewOf', { id: example.id })}
          </Typography>
          <PreviewSummary preview={preview.data} compact />
        </Stack>
      )}
      <ReasonFields
        key={kind}
        idPrefix={`bulk-${kind}`}
        decision={kind}
        value={reason}
        onChange={(next) => setReasons((prev) => ({ ...prev, [kind]: next }))}
        onSubmit={submit}
      />
      {errorText && (
        <Alert
          severity="error"
          action={
            stale ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  setPinned(props.rows);
                  bulk.reset();
                }}
              >
                {t('bulk.useLatest')}
              </Button>
            ) : undefined
          }
        >
          {stale ? t('bulk.stale') : errorText}
        </Alert>
      )}
    </FormDialog>
  );
}

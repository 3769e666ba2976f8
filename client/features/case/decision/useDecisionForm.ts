import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useEffect, useMemo, useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/caseDetail';
import type { DecideOutput } from '../../../../shared/api/decisions';
import type { RuleView } from '../../../../shared/api/rulebook';
import { isoToPlatformLocal, platformLocalToIso } from '../../../lib/platformTime';
import { errorReason, useTRPC } from '../../../lib/trpc';
import { useHotkey } from '../../../lib/useHotkey';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { DECISION_KEYS, type DecisionKind, needsFacts } from './decisionKinds';
import { factFieldId } from './FactsFields';
import { type FactInput, initialFactInputs, toFacts } from './factsForm';
import { EMPTY_REASON, type ReasonValue } from './ReasonFields';
import { useDecisionPreview } from './useDecisionPreview';

/** The part of a sent-back decision the form refills and shows. */
export interface SentBack {
  facts: Record<string, unknown> | null;
  violationAt: string | null;
  reviewedBy: { name: string } | null;
  reviewNote: string | null;
}

export interface Conflict {
  /** Refused on submit (CONFLICT stale_version), rather than seen live. */
  refused: boolean;
  status: string;
  version: number;
}

export interface DecisionFormProps {
  c: CaseDetail;
  rule: RuleView;
  sentBack: SentBack | null;
  enabled: boolean;
  heldBy: string | null;
  onDecided(kind: DecisionKind, output: DecideOutput): void;
}

const focusFact = (name: string | undefined) => {
  if (name) document.getElementById(factFieldId(name))?.focus();
};

/**
 * The state of the decision form: the facts and violation time as typed, the live previews,
 * the open dialog with a reason per decision, and the version the reviewer has seen. A refused
 * submit keeps every field; a stale version becomes a conflict the reviewer resolves.
 */
export function useDecisionForm(props: DecisionFormProps) {
  const { c, rule } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const [inputs, setInputs] = useState(() =>
    initialFactInputs(rule.facts, [props.sentBack?.facts ?? null, ...c.reports.map((r) => r.facts)]),
  );
  const [violationLocal, setViolationLocal] = useState(() =>
    props.sentBack?.violationAt ? isoToPlatformLocal(props.sentBack.violationAt) : '',
  );
  const [reasons, setReasons] = useState<Record<DecisionKind, ReasonValue>>({
    apply: EMPTY_REASON,
    waive: EMPTY_REASON,
    dismiss: EMPTY_REASON,
    escalate: EMPTY_REASON,
  });
  const [dialog, setDialog] = useState<DecisionKind | null>(null);
  const [showAllProblems, setShowAllProblems] = useState(false);
  const [serverField, setServerField] = useState<{ field: string; error: unknown } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  // The version the reviewer has seen: taken once the case page shows fresh data, not a cached copy.
  const caseQuery = useQuery(trpc.cases.get.queryOptions({ id: c.id }));
  const [seenVersion, setSeenVersion] = useState<number | null>(caseQuery.isFetching ? null : c.version);
  useEffect(() => {
    if (seenVersion === null && !caseQuery.isFetching) setSeenVersion(c.version);
  }, [seenVersion, caseQuery.isFetching, c.version]);
  const changedLive = seenVersion !== null && c.version !== seenVersion;

  const { facts, problems } = useMemo(() => toFacts(rule.facts, inputs), [rule.facts, inputs]);
  const factsValid = Object.keys(problems).length === 0;
  const violationAt = platformLocalToIso(violationLocal);
  const violationInvalid = violationLocal !== '' && !violationAt;
  const previewRequest = { caseId: c.id, facts, violationAt, decision: 'apply' as const };
  const previewReady = props.enabled && factsValid && !violationInvalid;
  const preview = useDecisionPreview(previewRequest, previewReady);
  // A waiver's four-eyes differs (any serious points): ask the engine when the waive dialog opens.
  const waivePreview = useQuery({
    ...trpc.cases.preview.queryOptions({ ...previewRequest, decision: 'waive' }),
    enabled: dialog === 'waive' && factsValid && !violationInvalid,
  });

  const decide = useMutation(trpc.cases.decide.mutationOptions());
  const previewError = useTranslatedError(preview.error);
  const decideError = useTranslatedError(decide.error);
  const serverFieldError = useTranslatedError(serverField?.error);

  const previewField =
    preview.error instanceof TRPCClientError ? (preview.error.data?.field as string | undefined) : undefined;
  const problemField = serverField?.field ?? previewField;
  const serverProblem = problemField?.startsWith('facts.')
    ? { fact: problemField.slice('facts.'.length).split('.')[0] ?? '', message: serverFieldError ?? previewError ?? '' }
    : null;

  // A refusal naming a fact or the violation time shows at that field, not in an alert.
  const placedOnField = serverProblem !== null || problemField === 'violationAt';

  const setFact = (name: string, value: FactInput) => {
    setInputs((prev) => ({ ...prev, [name]: value }));
    if (serverField?.field === `facts.${name}`) setServerField(null);
  };
  const setViolation = (local: string) => {
    setViolationLocal(local);
    if (serverField?.field === 'violationAt') setServerField(null);
  };

  const open = (kind: DecisionKind) => {
    if (!props.enabled || decide.isPending) return;
    if (needsFacts(kind) && !factsValid) {
      // Point at what is missing instead of opening a dialog that cannot succeed.
      setShowAllProblems(true);
      focusFact(rule.facts.find((f) => problems[f.name])?.name);
      return;
    }
    decide.reset();
    setDialog(kind);
  };
  const shortcuts = props.enabled && dialog === null;
  useHotkey(DECISION_KEYS.apply, () => open('apply'), shortcuts);
  useHotkey(DECISION_KEYS.waive, () => open('waive'), shortcuts);
  useHotkey(DECISION_KEYS.dismiss, () => open('dismiss'), shortcuts);
  useHotkey(DECISION_KEYS.escalate, () => open('escalate'), shortcuts);
  useHotkey('f', () => focusFact(rule.facts[0]?.name), shortcuts);

  const onDecided = (kind: DecisionKind, output: DecideOutput) => {
    setDialog(null);
    props.onDecided(kind, output);
    void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.approvals.pathKey() });
  };
  const onRefused = (error: unknown) => {
    const data = error instanceof TRPCClientError ? error.data : undefined;
    if (errorReason(error) === 'stale_version') {
      const current = (data?.details as { current?: { version: number; status: string } } | undefined)?.current;
      setDialog(null);
      setConflict({ refused: true, status: current?.status ?? c.status, version: current?.version ?? c.version });
      void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    } else if (typeof data?.field === 'string' && (data.field.startsWith('facts') || data.field === 'violationAt')) {
      setDialog(null);
      setShowAllProblems(true);
      setServerField({ field: data.field, error });
    }
  };
  const submit = () => {
    if (!dialog || seenVersion === null) return;
    const kind = dialog;
    const reason = reasons[kind];
    decide.mutate(
      {
        id: c.id,
        version: seenVersion,
        decision: kind,
        ...(needsFacts(kind) ? { rule: c.rule, facts, violationAt } : {}),
        reason: reason.text.trim(),
        reasonTemplate: reason.template ?? undefined,
      },
      { onSuccess: (output) => onDecided(kind, output), onError: onRefused },
    );
  };

  const continueWithLatest = () => {
    setSeenVersion(c.version);
    setConflict(null);
  };
  const shownConflict: Conflict | null =
    conflict ?? (changedLive ? { refused: false, status: c.status, version: c.version } : null);
  // After a refusal, "continue" is offered once the page shows the version the server reported.
  const canContinue = props.enabled && (!conflict || c.version >= conflict.version);

  return {
    facts: { inputs, setFact, problems, showAllProblems, serverProblem },
    violation: { local: violationLocal, set: setViolation, invalid: violationInvalid },
    /** What the server (or the preview) refused: beside the violation time, a fact, or on its own. */
    refusal: {
      violationAt: problemField === 'violationAt' ? (serverFieldError ?? previewError ?? '') : null,
      preview: preview.error && !placedOnField ? previewError : null,
      other: serverField && !placedOnField ? serverFieldError : null,
    },
    preview,
    previewReady,
    waivePreview,
    dialog: {
      kind: dialog,
      open,
      close: () => setDialog(null),
      reason: dialog ? reasons[dialog] : EMPTY_REASON,
      setReason: (next: ReasonValue) => dialog && setReasons((prev) => ({ ...prev, [dialog]: next })),
      busy: decide.isPending || seenVersion === null,
      error: decide.isError ? decideError : null,
      submit,
    },
    deciding: decide.isPending,
    conflict: { shown: shownConflict, canContinue, continueWithLatest },
  };
}

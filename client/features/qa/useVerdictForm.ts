import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { QaTaskView, qaPreviewInput } from '../../../shared/api/qa';
import { useTRPC } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useHotkey } from '../../lib/useHotkey';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { type FactInput, initialFactInputs } from '../case/decision/factsForm';
import { EMPTY_REASON, type ReasonValue } from '../case/decision/ReasonFields';
import { useRulebook } from '../rulebook/rulebookContext';
import { checkVerdict, VERDICT_KEYS, type VerdictKind } from './verdictForm';

/**
 * The state of a QA verdict: the kind, the rule (the reported one to start with: the reviewer
 * may name another), its facts as typed (prefilled from the reports, never from the first
 * decision), the reason, and the engine's worth of it on the subject's record as the first
 * decision met it (`qa.preview`). Problems show once a field was touched, or all of them after
 * a submit was tried.
 */
export function useVerdictForm(task: QaTaskView, enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { view } = useRulebook();
  const reportFacts = task.case.reports.map((r) => r.facts);
  const [kind, setKindState] = useState<VerdictKind | null>(null);
  const [rule, setRuleState] = useState(() => (view.rules.some((r) => r.id === task.case.rule) ? task.case.rule : ''));
  const ruleView = view.rules.find((r) => r.id === rule);
  const [inputs, setInputs] = useState(() => initialFactInputs(ruleView?.facts ?? [], reportFacts));
  const [reason, setReason] = useState<ReasonValue>(EMPTY_REASON);
  const [touched, setTouched] = useState<{ kind?: boolean; rule?: boolean; reason?: boolean }>({});
  const [showAll, setShowAll] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const checked = useMemo(
    () => checkVerdict({ kind, rule, inputs, reason: reason.text }, ruleView?.facts ?? []),
    [kind, rule, inputs, reason.text, ruleView],
  );
  const factsValid = Object.keys(checked.problems.facts).length === 0;
  // Debounced as text: a fresh object each render would never settle.
  const previewKey = useDebouncedValue(
    checked.verdict && factsValid && checked.verdict.decision !== 'dismiss'
      ? JSON.stringify({ taskId: task.taskId, ...checked.verdict })
      : '',
    300,
  );
  const previewInput = useMemo(
    () => (previewKey ? (JSON.parse(previewKey) as z.infer<typeof qaPreviewInput>) : null),
    [previewKey],
  );
  const preview = useQuery({
    ...trpc.qa.preview.queryOptions(previewInput ?? { taskId: task.taskId, decision: 'dismiss' }),
    enabled: enabled && previewInput !== null,
    placeholderData: keepPreviousData,
  });
  const submit = useMutation(
    trpc.qa.submit.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: trpc.qa.pathKey() });
      },
    }),
  );
  const submitError = useTranslatedError(submit.error);
  const previewError = useTranslatedError(preview.error);

  const setKind = (next: VerdictKind) => {
    setKindState(next);
    setTouched((t) => ({ ...t, kind: true }));
  };
  const setRule = (next: string) => {
    setRuleState(next);
    setTouched((t) => ({ ...t, rule: true }));
    // Another rule asks other facts: start them again from what the reports say.
    setInputs(initialFactInputs(view.rules.find((r) => r.id === next)?.facts ?? [], reportFacts));
  };
  const setFact = (name: string, value: FactInput) => setInputs((prev) => ({ ...prev, [name]: value }));
  const changeReason = (next: ReasonValue) => {
    setReason(next);
    setTouched((t) => ({ ...t, reason: true }));
  };

  const open = () => {
    if (!enabled || submit.isPending) return;
    if (!checked.valid) {
      setShowAll(true);
      return;
    }
    submit.reset();
    setConfirming(true);
  };
  const confirm = () => {
    if (!checked.valid || !checked.verdict || submit.isPending) return;
    submit.mutate({ taskId: task.taskId, ...checked.verdict, reason: reason.text.trim() });
  };
  const shortcuts = enabled && !confirming && !submit.data;
  useHotkey(VERDICT_KEYS.apply, () => setKind('apply'), shortcuts);
  useHotkey(VERDICT_KEYS.waive, () => setKind('waive'), shortcuts);
  useHotkey(VERDICT_KEYS.dismiss, () => setKind('dismiss'), shortcuts);

  const shown = (field: 'kind' | 'rule' | 'reason') => showAll || Boolean(touched[field]);
  return {
    kind,
    setKind,
    rule,
    ruleView,
    setRule,
    inputs,
    setFact,
    reason,
    setReason: changeReason,
    problems: {
      kind: shown('kind') ? checked.problems.kind : undefined,
      rule: shown('rule') ? checked.problems.rule : undefined,
      facts: checked.problems.facts,
      reason: shown('reason') ? checked.problems.reason : undefined,
    },
    showAllFacts: showAll,
    preview: previewInput ? preview : null,
    previewError,
    open,
    dialog: {
      open: confirming,
      close: () => setConfirming(false),
      confirm,
      busy: submit.isPending,
      error: submit.isError ? submitError : null,
    },
    result: submit.data ?? null,
  };
}

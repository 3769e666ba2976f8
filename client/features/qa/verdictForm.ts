/**
 * The QA verdict form as plain data: which fields a verdict needs and what is wrong with them,
 * so the reviewer hears about a missing rule, fact or reason beside its field before the server
 * has to refuse it. Facts are checked by the decision form's own rules (`factsForm.ts`).
 */
import type { FactView } from '../../../shared/api/rulebook';
import { type FactInputs, type FactProblem, toFacts } from '../case/decision/factsForm';

/** The verdicts a QA reviewer gives: escalation hands a case on, it is no verdict. */
export const VERDICT_KINDS = ['apply', 'waive', 'dismiss'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** The single-key shortcuts of the verdicts, the same letters as the decisions on the case page. */
export const VERDICT_KEYS: Record<VerdictKind, string> = { apply: 'a', waive: 'w', dismiss: 'd' };

/** Apply and waive judge a finding under a rule; a dismissal names none. */
export const judgesFinding = (kind: VerdictKind | null) => kind === 'apply' || kind === 'waive';

export const REASON_MAX = 2000;

export interface VerdictDraft {
  kind: VerdictKind | null;
  rule: string;
  inputs: FactInputs;
  reason: string;
}

export interface VerdictProblems {
  kind?: 'required';
  rule?: 'required';
  facts: Record<string, FactProblem>;
  reason?: 'required' | 'tooLong';
}

export interface CheckedVerdict {
  problems: VerdictProblems;
  valid: boolean;
  /** What `qa.submit` and `qa.preview` take, once valid. */
  verdict: { decision: VerdictKind; rule?: string; facts?: Record<string, unknown> } | null;
}

/** Checks a draft verdict against the chosen rule's facts (`facts` is that rule's spec, or none). */
export function checkVerdict(draft: VerdictDraft, facts: readonly FactView[]): CheckedVerdict {
  const finding = judgesFinding(draft.kind);
  const judged = finding && draft.rule ? toFacts(facts, draft.inputs) : { facts: {}, problems: {} };
  const reason = draft.reason.trim();
  const problems: VerdictProblems = {
    ...(draft.kind ? {} : { kind: 'required' as const }),
    ...(finding && !draft.rule ? { rule: 'required' as const } : {}),
    facts: judged.problems,
    ...(reason ? (reason.length > REASON_MAX ? { reason: 'tooLong' as const } : {}) : { reason: 'required' as const }),
  };
  const valid = !problems.kind && !problems.rule && !problems.reason && Object.keys(problems.facts).length === 0;
  const verdict =
    draft.kind && (!finding || draft.rule)
      ? finding
        ? { decision: draft.kind, rule: draft.rule, facts: judged.facts }
        : { decision: draft.kind }
      : null;
  return { problems, valid, verdict };
}

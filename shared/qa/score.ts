import { type History, previewFinding, type Rulebook } from '../rulebook';
import { judgesFinding, type QaVerdict } from './verdict';

export const AGREEMENTS = ['agree', 'disagree', 'n/a'] as const;
export type Agreement = (typeof AGREEMENTS)[number];

/** The fields a QA verdict is scored on, in the order screens show them. */
export const SCORED_FIELDS = ['kind', 'rule', 'points', 'measures'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** What the engine says a verdict's finding is worth: its ledger, points and measures. */
export interface VerdictEffect {
  ledger: string;
  points: number;
  measures: string[];
}

export interface QaScores {
  kind: Agreement;
  rule: Agreement;
  /** Ledger and points together: the same points on another ledger is another penalty. */
  points: Agreement;
  measures: Agreement;
  /** No field disagrees. */
  agreed: boolean;
  /** The engine's judgement of each verdict's finding (null: a dismissal, or a finding it refuses). */
  effects: { first: VerdictEffect | null; second: VerdictEffect | null };
}

/**
 * The subject's record the verdicts are judged on: as it was before the first decision took
 * effect (its own finding left out), at that moment, for conduct committed at `violationAt`.
 */
export interface ScoringContext {
  history: History;
  asOf: string;
  violationAt?: string;
}

/** The engine's preview of a verdict's finding on the given record; null when it judges none. */
export function effectOf(rulebook: Rulebook, v: QaVerdict, context: ScoringContext): VerdictEffect | null {
  if (!judgesFinding(v)) return null;
  try {
    const p = previewFinding(
      context.history,
      context.asOf,
      {
        id: 'qa-verdict',
        rule: v.rule,
        at: context.violationAt ?? context.asOf,
        recordedAt: context.asOf,
        facts: v.facts ?? {},
      },
      rulebook,
    );
    return { ledger: p.ledger, points: p.points, measures: [...p.finding.measures].sort() };
  } catch {
    // A rule the engine refuses on this record judges nothing: it cannot agree with a real finding.
    return null;
  }
}

/** Both sides judge something: agree when equal; one side only: disagree; neither: not applicable. */
function compare<T>(a: T | null, b: T | null, same: (x: T, y: T) => boolean): Agreement {
  if (a === null && b === null) return 'n/a';
  if (a === null || b === null) return 'disagree';
  return same(a, b) ? 'agree' : 'disagree';
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Scores the QA reviewer's verdict (`second`) against the first decision (`first`), field by
 * field. Points, ledger and measures come from the rulebook engine's judgement of each verdict,
 * not from the facts typed: two fact sets the engine judges alike agree. A waiver is scored on
 * what it forgives (the kind field says it was waived), so "waive 12 points" and "apply 12
 * points" agree on points and disagree on kind.
 */
export function scoreVerdict(
  rulebook: Rulebook,
  first: QaVerdict,
  second: QaVerdict,
  context: ScoringContext = { history: { violations: [] }, asOf: new Date().toISOString() },
): QaScores {
  const e1 = effectOf(rulebook, first, context);
  const e2 = effectOf(rulebook, second, context);
  const r1 = judgesFinding(first) ? first.rule : null;
  const r2 = judgesFinding(second) ? second.rule : null;
  const scores = {
    kind: first.decision === second.decision ? 'agree' : 'disagree',
    rule: compare(r1, r2, (a, b) => a === b),
    points: compare(e1, e2, (a, b) => a.ledger === b.ledger && a.points === b.points),
    measures: compare(e1?.measures ?? (r1 === null ? null : []), e2?.measures ?? (r2 === null ? null : []), sameList),
  } satisfies Record<ScoredField, Agreement>;
  const agreed = SCORED_FIELDS.every((f) => scores[f] !== 'disagree');
  return { ...scores, agreed, effects: { first: e1, second: e2 } };
}

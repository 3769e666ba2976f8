/**
 * The life of a decision, as the case header, the history tab, the appeal page and exports show it:
 *
 *   pending_approval → effective (approved) | sent_back (returned to its author)
 *   effective        → overturned (appeal upheld: the finding is reversed, everything it set off lifted)
 *                    | adjusted   (appeal upheld with partial relief: a lighter finding replaces it)
 *
 * Dismiss and escalate decisions are effective at once and never change again.
 */
export const DECISION_STATUSES = ['pending_approval', 'effective', 'sent_back', 'overturned', 'adjusted'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** The state an upheld appeal leaves the decision in. */
export function statusAfterUpheldAppeal(withRelief: boolean): Extract<DecisionStatus, 'adjusted' | 'overturned'> {
  return withRelief ? 'adjusted' : 'overturned';
}

/** Statuses under which the decision's finding is (or was) on the subject's record. */
export function isInForce(status: DecisionStatus): boolean {
  return status === 'effective' || status === 'adjusted';
}

/** Decisions that took effect, whatever an appeal did to them since (the base of overturn rates). */
export const TOOK_EFFECT_STATUSES = [
  'effective',
  'overturned',
  'adjusted',
] as const satisfies readonly DecisionStatus[];

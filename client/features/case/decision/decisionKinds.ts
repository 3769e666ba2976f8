import type { DECISION_KINDS } from '../../../../shared/api/decisions';

export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The single-key shortcut of each decision on the case page. */
export const DECISION_KEYS: Record<DecisionKind, string> = { apply: 'a', waive: 'w', dismiss: 'd', escalate: 'e' };

/** Apply and waive judge the facts under the rule; dismiss and escalate need only a reason. */
export const needsFacts = (kind: DecisionKind) => kind === 'apply' || kind === 'waive';

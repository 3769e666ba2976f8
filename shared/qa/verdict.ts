import { z } from 'zod';

/** The decisions a QA reviewer (or a sampled first decision) can take: escalation is not a verdict. */
export const QA_DECISIONS = ['apply', 'waive', 'dismiss'] as const;
export type QaDecision = (typeof QA_DECISIONS)[number];

/** What a lead does with a disagreement: the first decision stands, is corrected to the QA verdict, or is reversed. */
export const QA_OUTCOMES = ['uphold', 'correct', 'reverse'] as const;
export type QaOutcome = (typeof QA_OUTCOMES)[number];

/**
 * One verdict on a case: what the first reviewer decided, or what the blind QA reviewer would
 * have decided. `rule` and `facts` only for a finding (apply or waive): a dismissal names none.
 */
export const qaVerdict = z.object({
  decision: z.enum(QA_DECISIONS),
  rule: z.string().max(64).optional(),
  facts: z.record(z.string().max(64), z.unknown()).optional(),
});
export type QaVerdict = z.infer<typeof qaVerdict>;

/** A verdict that judges a finding under a rule (apply or waive); a dismissal judges none. */
export function judgesFinding(v: QaVerdict): v is QaVerdict & { rule: string } {
  return v.decision !== 'dismiss' && typeof v.rule === 'string' && v.rule.length > 0;
}

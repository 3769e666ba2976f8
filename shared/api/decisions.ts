import { z } from 'zod';

export const DECISION_KINDS = ['apply', 'waive', 'dismiss', 'escalate'] as const;

const reason = z.string().trim().min(1).max(2000);
const facts = z.record(z.string().max(64), z.unknown());

/** `cases.decide` (DESIGN.md contract, plus `escalate`, `violationAt` and a reason template). */
export const decideInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  decision: z.enum(DECISION_KINDS),
  rule: z.string().max(64).optional(),
  facts: facts.optional(),
  /** When the violation was committed (picks the rule version); defaults to the first report. */
  violationAt: z.iso.datetime({ offset: true }).optional(),
  reason,
  reasonTemplate: z.string().max(64).optional(),
});
export type DecideInput = z.infer<typeof decideInput>;

export const decideOutput = z.object({
  status: z.string(),
  decisionId: z.number(),
  /** Waiting for a second person (four-eyes) before it takes effect. */
  requiresApproval: z.boolean(),
  approvalReasons: z.array(z.string()),
  noticeId: z.number().nullable(),
});
export type DecideOutput = z.infer<typeof decideOutput>;

export const bulkDecideInput = decideInput.omit({ id: true, version: true }).extend({
  cases: z
    .array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() }))
    .min(1)
    .max(200),
});

export const previewInput = z.object({
  caseId: z.number().int().positive(),
  rule: z.string().max(64).optional(),
  facts: facts.default({}),
  violationAt: z.iso.datetime({ offset: true }).optional(),
  decision: z.enum(['apply', 'waive']).default('apply'),
});

const punishment = z.object({
  ledger: z.string(),
  node: z.number(),
  measures: z.array(z.string()),
  from: z.string(),
  until: z.string().nullable(),
  trigger: z.string(),
});

export const previewOutput = z.object({
  ruleVersion: z.string(),
  occurrence: z.number(),
  basis: z.object({ zh: z.string(), en: z.string() }),
  ledger: z.string(),
  points: z.number(),
  outcome: z.string(),
  pointsBefore: z.record(z.string(), z.number()),
  pointsAfter: z.record(z.string(), z.number()),
  crossedNodes: z.array(z.number()),
  nodeOutcome: z.string(),
  measures: z.array(z.string()),
  punishments: z.array(punishment),
  endedEarly: z.array(punishment),
  demotions: z.array(
    z.object({ item: z.string(), from: z.string(), until: z.string(), days: z.number(), addedDays: z.number() }),
  ),
  seals: z.boolean(),
  approvalReasons: z.array(z.string()),
});
export type PreviewOutput = z.infer<typeof previewOutput>;

export const reviewDecisionInput = z.object({
  decisionId: z.number().int().positive(),
  note: z.string().trim().max(2000).optional(),
});

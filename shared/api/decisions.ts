import { z } from 'zod';
import { isoInstant } from './instant';

export const DECISION_KINDS = ['apply', 'waive', 'dismiss', 'escalate'] as const;

const reason = z.string().trim().min(1).max(2000);
const facts = z.record(z.string().max(64), z.unknown());

/** `cases.decide` (docs/CONTRACTS.md, plus `escalate`, `violationAt` and a reason template). */
export const decideInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  decision: z.enum(DECISION_KINDS),
  rule: z.string().max(64).optional(),
  facts: facts.optional(),
  /** When the violation was committed (picks the rule version); defaults to the first report. */
  violationAt: isoInstant.optional(),
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
  violationAt: isoInstant.optional(),
  decision: z.enum(DECISION_KINDS).default('apply'),
});

const punishment = z.object({
  ledger: z.string(),
  node: z.number(),
  measures: z.array(z.string()),
  from: z.string(),
  until: z.string().nullable(),
  trigger: z.string(),
});

const demotion = z.object({
  item: z.string(),
  from: z.string(),
  until: z.string(),
  days: z.number(),
  addedDays: z.number(),
});

/** What a waiver forgives: what the rule would have imposed had the finding been applied. */
const waivedPart = z.object({
  points: z.number(),
  ledger: z.string(),
  crossedNodes: z.array(z.number()),
  measures: z.array(z.string()),
  punishments: z.array(punishment),
  demotions: z.array(demotion),
  seals: z.boolean(),
});

/**
 * When the violation was committed and when the finding would go on record (the decision takes
 * effect). The rule version follows the first; punishments, demotions and the ledger year the second.
 */
const timing = z.object({
  violationAt: z.string(),
  recordedAt: z.string(),
  /** Whole days between the two. */
  daysLate: z.number(),
  /** Committed in an earlier platform year than it is recorded in: the points count in the later year. */
  earlierYear: z.boolean(),
  /** Old enough that the preview warns: a week (the shortest node punishment) or an earlier year. */
  old: z.boolean(),
});
export type FindingTiming = z.infer<typeof timing>;

/**
 * The preview of one decision kind, showing that decision's own effect: `apply` what it imposes;
 * `waive` nothing (what is forgiven is in `waived`); `dismiss` and `escalate` nothing. Previews
 * stored before kinds existed read as `apply`.
 */
export const previewOutput = z.object({
  kind: z.enum(DECISION_KINDS).default('apply'),
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
  demotions: z.array(demotion),
  seals: z.boolean(),
  approvalReasons: z.array(z.string()),
  waived: waivedPart.nullable().default(null),
  timing: timing.nullable().default(null),
});
export type PreviewOutput = z.infer<typeof previewOutput>;

export const reviewDecisionInput = z.object({
  decisionId: z.number().int().positive(),
  note: z.string().trim().max(2000).optional(),
});

import { z } from 'zod';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { evidenceInput } from './intake';

export const APPEAL_DECISIONS = ['approve', 'reject', 'request_evidence'] as const;

/** `appeals.submit` (docs/CONTRACTS.md): the member (through an integration) or staff on their behalf. */
export const appealSubmitInput = z.object({
  caseId: z.number().int().positive(),
  statement: z.string().trim().min(1).max(5000),
  evidence: z.array(evidenceInput).max(50).optional(),
});

export const appealSubmitOutput = z.object({ appealId: z.number(), status: z.string() });

/** `appeals.decide` (contract), plus partial relief and false evidence found in the appeal. */
export const appealDecideInput = z.object({
  id: z.number().int().positive(),
  decision: z.enum(APPEAL_DECISIONS),
  reason: z.string().trim().min(1).max(2000),
  /** Approve with a new, lighter finding instead of none (reduce points or shorten a measure). */
  reliefFacts: z.record(z.string().max(64), z.unknown()).optional(),
  /** Reject, and record the false-appeal-evidence rule against the subject. */
  falseEvidence: z.boolean().optional(),
  /** Request evidence: days the member has to answer (default 3). */
  evidenceDays: z.number().int().min(1).max(30).optional(),
});

export const appealView = z.object({
  id: z.number(),
  caseId: z.number(),
  decisionId: z.number(),
  rule: z.string(),
  status: z.string(),
  /** docs/MARKETPLACE.md §6 stage as the member sees it. */
  stage: z.enum(['pending_member', 'under_review', 'final']),
  statement: z.string(),
  evidence: z.array(z.unknown()),
  submissions: z.number(),
  evidenceDeadline: z.string().nullable(),
  assignee: z.object({ id: z.number(), name: z.string() }).nullable(),
  decidedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  reliefViolationId: z.string().nullable(),
  subject: z.object({ id: z.string(), name: z.string().nullable(), platform: z.enum(PLATFORM_IDS) }),
  createdAt: z.string(),
  version: z.number(),
  /**
   * How long the appeal has waited for staff (shared/appeals/appealClock.ts): stopped while the
   * member is asked for evidence, and for good once ruled on or expired.
   */
  reviewClock: z.object({ running: z.boolean(), stoppedAt: z.string().nullable(), elapsedMs: z.number() }),
});
export type AppealView = z.infer<typeof appealView>;

/** What the member side sees of a case: the stage and until when it can act. */
export const appealStatusOutput = z.object({
  caseId: z.number(),
  stage: z.enum(['none', 'pending_member', 'under_review', 'final']),
  caseStatus: z.string(),
  appealUntil: z.string().nullable(),
  evidenceDeadline: z.string().nullable(),
  appeal: appealView.nullable(),
});

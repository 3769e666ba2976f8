import { z } from 'zod';
import { DECISION_STATUSES } from '../decisions/decisionStates';

const person = z.object({ id: z.number(), name: z.string() });

/** Where a decision stands now, and who moved it there when (an approver, an appeals officer). */
export const decisionState = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.enum(DECISION_STATUSES),
  changedBy: person,
  changedAt: z.string(),
});
export type DecisionState = z.infer<typeof decisionState>;

export const decisionView = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.enum(DECISION_STATUSES),
  /** Who moved it to `status`, and when. */
  statusChangedBy: person,
  statusChangedAt: z.string(),
  rule: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()).nullable(),
  violationAt: z.string().nullable(),
  reason: z.string(),
  reasonTemplate: z.string().nullable(),
  approvalReasons: z.array(z.string()),
  preview: z.unknown().nullable(),
  decidedBy: z.object({ id: z.number(), name: z.string() }),
  decidedAt: z.string(),
  reviewedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  batchId: z.string().nullable(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const noticeView = z.object({
  id: z.number(),
  caseId: z.number(),
  decisionId: z.number(),
  subjectId: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  data: z.record(z.string(), z.unknown()),
  appealUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type NoticeView = z.infer<typeof noticeView>;

export const timelineEvent = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  data: z.unknown().nullable(),
  batchId: z.string().nullable(),
});

export const caseHistoryOutput = z.object({
  decisions: z.array(decisionView),
  notices: z.array(noticeView),
  timeline: z.array(timelineEvent),
  priorCases: z.array(
    z.object({
      id: z.number(),
      rule: z.string(),
      status: z.string(),
      summary: z.string(),
      createdAt: z.string(),
      closedAt: z.string().nullable(),
      /** The state of the case's latest decision (overturned, adjusted…), null before any. */
      decisionStatus: z.enum(DECISION_STATUSES).nullable(),
    }),
  ),
});
export type CaseHistory = z.infer<typeof caseHistoryOutput>;

import { z } from 'zod';

export const decisionView = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.string(),
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
    }),
  ),
});
export type CaseHistory = z.infer<typeof caseHistoryOutput>;

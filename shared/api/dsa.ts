import { z } from 'zod';

/** Where a statement of reasons stands with the DSA Transparency Database (docs/DSA.md). */
export const DSA_SUBMISSION_STATUSES = ['pending', 'submitted', 'duplicate', 'failed'] as const;
export type DsaSubmissionStatus = (typeof DSA_SUBMISSION_STATUSES)[number];

/** Not strict: the client's infinite query adds its own keys (`direction`). */
export const dsaSubmissionListInput = z.object({
  cursor: z.string().max(20).optional(),
  status: z.enum(DSA_SUBMISSION_STATUSES).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const dsaSubmissionView = z.object({
  id: z.number(),
  decisionId: z.number(),
  caseId: z.number(),
  subjectId: z.string(),
  puid: z.string(),
  status: z.enum(DSA_SUBMISSION_STATUSES),
  attempts: z.number(),
  /** When a pending statement is next sent; null otherwise. */
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** The database's last HTTP status (null: never answered, e.g. unreachable). */
  lastStatusCode: z.number().nullable(),
  /** The database's last complaint, or the desk's own (`timeout`, `network: …`). */
  lastError: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The decision was overturned on appeal after it took effect (the statement stays in the database). */
  overturnedAt: z.string().nullable(),
  createdAt: z.string(),
  /** What was (or will be) sent, for the page's details. */
  category: z.string(),
});
export type DsaSubmissionView = z.infer<typeof dsaSubmissionView>;

export const dsaSubmissionListOutput = z.object({
  /** Whether this desk submits at all (DESK_DSA_ENDPOINT and DESK_DSA_TOKEN set). */
  enabled: z.boolean(),
  counts: z.object({ pending: z.number(), submitted: z.number(), duplicate: z.number(), failed: z.number() }),
  items: z.array(dsaSubmissionView),
  nextCursor: z.string().nullable(),
});

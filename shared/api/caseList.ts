import { z } from 'zod';
import { CASE_STATUSES, REPORT_SOURCES, SUBJECT_KINDS } from '../cases/enums';
import { PLATFORM_IDS } from '../rulebook/platforms';

export const CASE_SORTS = ['rank', 'slaDueAt', 'createdAt'] as const;
export const SLA_STATES = ['ok', 'at_risk', 'breached', 'closed'] as const;

export const caseListInput = z.object({
  /** `open` is every state still waiting for the desk. */
  status: z.union([z.literal('open'), z.literal('all'), z.enum(CASE_STATUSES)]).default('open'),
  /** A queue id, or `mine` for the caller's queues. */
  queue: z.string().max(64).optional(),
  rule: z.string().max(64).optional(),
  source: z.enum(REPORT_SOURCES).optional(),
  subjectKind: z.enum(SUBJECT_KINDS).optional(),
  /** Cases about subjects of this platform only; every platform when left out. */
  platform: z.enum(PLATFORM_IDS).optional(),
  subjectId: z.string().max(64).optional(),
  /** `me`, `unassigned`, or a user id. */
  assignee: z.union([z.literal('me'), z.literal('unassigned'), z.number().int().positive()]).optional(),
  sort: z.enum(CASE_SORTS).default('rank'),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CaseListInput = z.input<typeof caseListInput>;

export const caseListItem = z.object({
  id: z.number(),
  subject: z.object({
    id: z.string(),
    name: z.string().nullable(),
    kind: z.enum(SUBJECT_KINDS),
    platform: z.enum(PLATFORM_IDS),
  }),
  rule: z.string(),
  status: z.enum(CASE_STATUSES),
  source: z.enum(REPORT_SOURCES),
  summary: z.string(),
  /** Triage score now (static factors plus age). */
  score: z.number(),
  queue: z.string().nullable(),
  reportCount: z.number(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  slaDueAt: z.string().nullable(),
  slaState: z.enum(SLA_STATES),
  version: z.number(),
  createdAt: z.string(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseListOutput = z.object({
  items: z.array(caseListItem),
  total: z.number(),
  /** More than `total` match: the count stops there (the queue shows "10,000+"). */
  totalCapped: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type CaseListOutput = z.infer<typeof caseListOutput>;

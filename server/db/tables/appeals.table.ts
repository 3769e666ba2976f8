import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { z } from 'zod';
import type { evidenceInput } from '../../../shared/api/intake';
import type { Decoded } from '../jsonColumns';

/**
 * The three stages of docs/MARKETPLACE.md §6 as the member sees them: pending_member (待您处理),
 * under_review (小二审核中), and a final record: approved (reversed), rejected, or expired.
 */
export const APPEAL_STATUSES = ['pending_member', 'under_review', 'approved', 'rejected', 'expired'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export interface AppealsTable {
  id: Generated<number>;
  case_id: number;
  decision_id: number;
  subject_id: string;
  rule: string;
  status: AppealStatus;
  statement: string;
  /** JSON text: the evidence items submitted, across every submission. */
  evidence: string | null;
  submissions: Generated<number>;
  /** While pending_member after "request evidence": when the appeal finalises unanswered. */
  evidence_deadline: string | null;
  /** The case's queue: appeals follow the same routing as the cases they are about. */
  queue: string | null;
  assignee_id: number | null;
  decided_by: number | null;
  decided_at: string | null;
  outcome_reason: string | null;
  /** Partial relief: the new, lighter finding that replaced the reversed one. */
  relief_violation_id: string | null;
  /** `token:<id>` or `user:<id>`. */
  submitted_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** The review clock (shared/appeals/appealClock.ts): set while stopped for a request for evidence. */
  clock_paused_at: string | null;
  /** Milliseconds the clock stood still in spans already closed. */
  clock_paused_ms: Generated<number>;
}
/** One evidence item of an appeal, as the member submitted it. */
export type AppealEvidence = z.infer<typeof evidenceInput>;
/** An appeal as its repository hands it out and takes it in: its evidence decoded. */
export type AppealRow = Decoded<Selectable<AppealsTable>, { evidence: AppealEvidence[] | null }>;
export type NewAppealRow = Decoded<Insertable<AppealsTable>, { evidence?: AppealEvidence[] | null }>;
export type AppealUpdate = Decoded<Updateable<AppealsTable>, { evidence?: AppealEvidence[] | null }>;

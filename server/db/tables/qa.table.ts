import type { Generated, Selectable } from 'kysely';

/** A queue's QA sampling policy, set by its leads. */
export interface QaPoliciesTable {
  queue_id: string;
  /** Share of effective decisions sampled at random, 0–100. */
  percent: number;
  /** JSON text: rule ids whose decisions are always sampled. */
  always_rules: string;
  always_seals: Generated<number>;
  always_serious_waivers: Generated<number>;
  updated_by: number | null;
  updated_at: string;
}
export type QaPolicyRow = Omit<Selectable<QaPoliciesTable>, 'always_rules'> & { always_rules: string[] };

/** One sampled decision, reviewed blind by someone else and, when they disagree, adjudicated by a lead. */
export interface QaTasksTable {
  id: Generated<number>;
  case_id: number;
  decision_id: number;
  queue_id: string | null;
  rule: string;
  reviewer_id: number;
  approver_id: number | null;
  sample_reason: string;
  qa_reviewer_id: number | null;
  status: string;
  /** JSON text: the QA verdict (decision, rule, facts, reason). */
  verdict: string | null;
  /** JSON text: the field-by-field scores (shared/qa/score.ts). */
  scores: string | null;
  agreed: number | null;
  lead_note: string | null;
  adjudicated_by: number | null;
  adjudicated_at: string | null;
  sampled_at: string;
  taken_at: string | null;
  submitted_at: string | null;
  updated_at: string;
}

import type { Generated } from 'kysely';

/** A known-answer case (0031): the expected verdict and the redacted snapshot copies are built from. */
export interface QaGoldCasesTable {
  id: Generated<number>;
  source_case_id: number;
  training_subject_id: string;
  copy_case_id: number;
  rule: string;
  /** JSON text: the expected verdict. */
  expected: string;
  /** JSON text: the redacted snapshot. */
  snapshot: string;
  note: string | null;
  marked_by: number;
  marked_at: string;
  retired_at: string | null;
}

/** A reviewer's answer on a served training copy, scored against the gold's expected verdict. */
export interface QaGoldAttemptsTable {
  id: Generated<number>;
  gold_id: number;
  case_id: number;
  reviewer_id: number;
  queue: string | null;
  /** JSON text: the reviewer's verdict. */
  answer: string;
  /** JSON text: the field-by-field scores. */
  scores: string;
  correct: number;
  answered_at: string;
}

/** Per queue: the percentage of `queue.next` calls that are served a gold copy. */
export interface QaGoldRatesTable {
  queue_id: string;
  percent: number;
  updated_by: number | null;
  updated_at: string;
}

export interface QaCalibrationSessionsTable {
  id: Generated<number>;
  name: string;
  created_by: number;
  created_at: string;
  closed_at: string | null;
  closed_by: number | null;
}

export interface QaCalibrationMembersTable {
  session_id: number;
  user_id: number;
}

export interface QaCalibrationItemsTable {
  session_id: number;
  case_id: number;
  position: number;
  gold_id: number | null;
}

export interface QaCalibrationAnswersTable {
  session_id: number;
  case_id: number;
  reviewer_id: number;
  /** JSON text: the verdict. */
  verdict: string;
  reason: string;
  answered_at: string;
}

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DecisionStatus } from '../../../shared/decisions/decisionStates';
import type { NoticeData } from '../../../shared/notices/renderNotice';
import type { Facts } from '../../../shared/rulebook';
import type { Decoded } from '../jsonColumns';

export type DecisionKind = 'apply' | 'waive' | 'dismiss' | 'escalate';

export type { DecisionStatus } from '../../../shared/decisions/decisionStates';

/** A reviewer's decision on a case; severe ones wait for a second person (four-eyes). */
export interface DecisionsTable {
  id: Generated<number>;
  case_id: number;
  kind: DecisionKind;
  rule: string | null;
  /** JSON text: the rule's facts the decision relies on. */
  facts: string | null;
  /** When the violation was committed: it picks the rule version in force. */
  violation_at: string | null;
  reason: string;
  reason_template: string | null;
  status: DecisionStatus;
  requires_approval: Generated<number>;
  /** JSON text: why four-eyes applies (e.g. ["serious-points","seals"]). */
  approval_reasons: string | null;
  /** JSON text: the engine's preview at decision time (points, nodes, measures, end dates). */
  preview: string | null;
  decided_by: number;
  decided_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
  batch_id: string | null;
  /** Who moved the decision to its current status, and when (null: its author, when decided). */
  status_changed_by: number | null;
  status_changed_at: string | null;
}
/** The JSON columns of a decision, decoded. */
interface DecisionJson {
  facts: Facts | null;
  approval_reasons: string[] | null;
  /** The preview as it was at decision time (older rows may carry an earlier shape). */
  preview: unknown;
}
/** A decision as its repository hands it out and takes it in: JSON columns decoded. */
export type DecisionRow = Decoded<Selectable<DecisionsTable>, DecisionJson>;
export type NewDecisionRow = Decoded<Insertable<DecisionsTable>, Partial<DecisionJson>>;
export type DecisionUpdate = Decoded<Updateable<DecisionsTable>, Partial<DecisionJson>>;

/** A finding on record: the rulebook engine's input for the subject's standing. */
export interface ViolationsTable {
  id: string;
  subject_id: string;
  case_id: number;
  decision_id: number;
  rule: string;
  at: string;
  facts: string;
  created_at: string;
  reversed_at: string | null;
  /** What reversed it, e.g. `appeal:12`. */
  reversed_by: string | null;
}
/** A finding as its repository hands it out: facts decoded. */
export type ViolationRow = Decoded<Selectable<ViolationsTable>, { facts: Facts }>;

/** The statement of reasons sent to the subject. */
export interface NoticesTable {
  id: Generated<number>;
  case_id: number;
  decision_id: number;
  subject_id: string;
  body_zh: string;
  body_en: string;
  /** JSON text: the structured statement (rule, version, facts, measures, appeal route). */
  data: string;
  appeal_until: string | null;
  created_at: string;
}
/** The structured part of an appeal's outcome notice (the decision's own notice is `NoticeData`). */
export interface AppealOutcomeNoticeData {
  kind: 'appeal_outcome';
  approved: boolean;
  relief: boolean;
  reason: string;
}
/** A decision reversed (or corrected to no violation) by a lead after QA (docs/QA.md). */
export interface QaOutcomeNoticeData {
  kind: 'qa_outcome';
  taskId: number;
  reversed: boolean;
  reason: string;
}
type AnyNoticeData = NoticeData | AppealOutcomeNoticeData | QaOutcomeNoticeData;
/** A notice as its repository hands it out and takes it in: the structured statement decoded. */
export type NoticeRow = Decoded<Selectable<NoticesTable>, { data: AnyNoticeData }>;
export type NewNoticeRow = Decoded<Insertable<NoticesTable>, { data: AnyNoticeData }>;

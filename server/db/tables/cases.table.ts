import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CaseStatus, ReportSource } from '../../../shared/cases/enums';
import type { TriageFactor } from '../../../shared/cases/triage';
import type { Decoded } from '../jsonColumns';

export interface CasesTable {
  id: Generated<number>;
  subject_id: string;
  rule: string;
  status: CaseStatus;
  /** Source of the first report; it sets the SLA. */
  source: ReportSource;
  summary: string;
  /** The triage score's static part at intake (see shared/cases/triage.ts). */
  priority: number;
  /** Sort key: current urgency order without rewriting rows as cases age. */
  rank: Generated<number>;
  /** JSON text: the explained static triage factors. */
  triage: string | null;
  report_count: Generated<number>;
  /** Kept by the database: 1 while the status is one of the open ones (indexed for the queue). */
  is_open: Generated<number>;
  /** When the case left the open states (decided or dismissed). */
  closed_at: string | null;
  /**
   * The case this one was split off from by staff: separate conduct, so intake never merges
   * into it and the one-open-case-per-subject-and-rule index leaves it out (0017).
   */
  split_from: number | null;
  queue: string | null;
  assignee_id: number | null;
  lease_until: string | null;
  sla_due_at: string | null;
  /** Optimistic-concurrency version, bumped on every change. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** 1: a gold case's redacted training copy (0031), on a training subject; never a real case. */
  training: Generated<number>;
}
/** The JSON column of a case, decoded. */
interface CaseJson {
  triage: TriageFactor[] | null;
}
/** A case as its repository hands it out and takes it in: JSON columns decoded. */
export type CaseRow = Decoded<Selectable<CasesTable>, CaseJson>;
export type NewCaseRow = Decoded<Insertable<CasesTable>, Partial<CaseJson>>;
export type CaseUpdate = Decoded<Updateable<CasesTable>, Partial<CaseJson>>;

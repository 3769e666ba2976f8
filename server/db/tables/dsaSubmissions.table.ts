import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DsaSubmissionStatus } from '../../../shared/api/dsa';

/** A statement of reasons queued for the DSA Transparency Database (migration 0039). */
export interface DsaSubmissionsTable {
  id: Generated<number>;
  decision_id: number;
  case_id: number;
  subject_id: string;
  puid: string;
  /** JSON: the statement exactly as it is sent. */
  statement: string;
  status: DsaSubmissionStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  submitted_at: string | null;
  overturned: Generated<number>;
  overturned_at: string | null;
  created_at: string;
  updated_at: string;
}
export type DsaSubmissionRowRaw = Selectable<DsaSubmissionsTable>;
export type NewDsaSubmissionRow = Insertable<DsaSubmissionsTable>;
export type DsaSubmissionUpdate = Updateable<DsaSubmissionsTable>;

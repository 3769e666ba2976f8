import type { Generated, Insertable, Selectable } from 'kysely';
import type { ReportSource } from '../../../shared/cases/enums';

export interface ReportsTable {
  id: Generated<number>;
  /** The reporting system's id; submitting it again returns the same report. */
  external_id: string;
  case_id: number;
  source: ReportSource;
  subject_id: string;
  rule: string;
  summary: string;
  /** JSON text: the rule's facts as reported. */
  facts: string | null;
  reporter_id: string | null;
  /** The subject's name as this report gave it; the subject's own name changes only by staff. */
  subject_name: string | null;
  created_at: string;
}
export type ReportRow = Selectable<ReportsTable>;
export type NewReportRow = Insertable<ReportsTable>;

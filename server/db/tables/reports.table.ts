import type { Generated, Insertable, Selectable } from 'kysely';
import type { ReportSource } from '../../../shared/cases/enums';
import type { Decoded } from '../jsonColumns';

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
  /** 1 when the report came in while its reporter was muted. */
  reporter_muted: Generated<number>;
}
/** A report as its repository hands it out and takes it in: its facts decoded. */
export type ReportRow = Decoded<Selectable<ReportsTable>, { facts: Record<string, unknown> | null }>;
export type NewReportRow = Decoded<Insertable<ReportsTable>, { facts?: Record<string, unknown> | null }>;

import type { Generated, Selectable } from 'kysely';
import type { EvidenceData } from '../../../shared/api/evidenceData';
import type { Decoded } from '../jsonColumns';

/** Evidence attached to a case by intake or staff. */
export interface EvidenceTable {
  id: Generated<number>;
  case_id: number;
  report_id: number | null;
  kind: string;
  title: string;
  text: string | null;
  url: string | null;
  created_at: string;
  /** The uploaded file's content address in `evidence_files`; null for evidence without a file. */
  sha256: string | null;
  /** Detected from the bytes at upload, never taken from the uploader. */
  content_type: string | null;
  size: number | null;
  /** The name the uploader gave, cleaned; shown and offered on download, never trusted for the type. */
  file_name: string | null;
  uploaded_by: number | null;
  /** JSON text of typed evidence data (shared/api/evidenceData.ts), validated per kind at intake. */
  structured: string | null;
}
/** Evidence as its repository hands it out: typed data decoded by its kind's schema. */
export type EvidenceRow = Decoded<Selectable<EvidenceTable>, { structured: EvidenceData | null }>;

/** Evidence bytes, stored once per distinct content (keyed by SHA-256, lower-case hex). */
export interface EvidenceFilesTable {
  sha256: string;
  content_type: string;
  size: number;
  bytes: Buffer;
  created_at: string;
}

/** Related cases a staff member linked (stored once per direction). */
export interface CaseLinksTable {
  case_id: number;
  linked_case_id: number;
  created_by: number | null;
  created_at: string;
}

/** A reviewer skipped this case: queue.next will not offer it to them again until `until`. */
export interface CaseSkipsTable {
  case_id: number;
  user_id: number;
  reason: string;
  until: string;
}

/** How often a reporter's reports were upheld or dismissed: their credibility in triage. */
export interface ReportersTable {
  id: string;
  submitted: Generated<number>;
  upheld: Generated<number>;
  dismissed: Generated<number>;
  /** The language of their outcome notices (`zh-CN` or `en`); null: zh-CN. */
  locale: string | null;
  /** A lead's mute: their new reports are flagged and ranked lower (docs/MESSAGES.md). */
  muted_at: string | null;
  muted_by: number | null;
  mute_reason: string | null;
}

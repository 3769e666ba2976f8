import { parseStructuredData } from '../../../shared/api/evidenceData';
import { searchDocumentOf } from '../../search/searchDocuments';
import { indexDocuments } from '../../search/searchIndex';
import type { Executor } from '../database';
import { fromJson } from '../jsonColumns';
import type { EvidenceRow } from '../tables/caseExtras.table';

export interface NewEvidence {
  kind: string;
  title: string;
  text?: string | null;
  url?: string | null;
  /** Typed data, already validated for the kind (evidenceInput); stored as JSON text. */
  data?: unknown;
}

/** An uploaded file as evidence on a case; its bytes are in `evidence_files` under `sha256`. */
export interface NewFileEvidence {
  caseId: number;
  kind: string;
  title: string;
  sha256: string;
  contentType: string;
  size: number;
  fileName: string | null;
  uploadedBy: number | null;
}

/** A piece of evidence with its case, for serving its file and auditing who looked. */
export type EvidenceRef = Pick<
  EvidenceRow,
  'id' | 'case_id' | 'kind' | 'sha256' | 'content_type' | 'size' | 'file_name'
>;

/** Typed data as its kind's schema reads it: defaults filled, fields the schema does not know never stored. */
function structuredJson(e: NewEvidence): string | null {
  const data = e.data === undefined ? null : parseStructuredData(e.kind, e.data);
  return data ? JSON.stringify(data) : null;
}

export const evidenceRepo = {
  async insertMany(
    db: Executor,
    caseId: number,
    reportId: number | null,
    items: NewEvidence[],
    at: string,
  ): Promise<void> {
    if (!items.length) return;
    const rows = await db
      .insertInto('evidence')
      .values(
        items.map((e) => ({
          case_id: caseId,
          report_id: reportId,
          kind: e.kind,
          title: e.title,
          text: e.text ?? null,
          url: e.url ?? null,
          structured: structuredJson(e),
          created_at: at,
        })),
      )
      .returning(['id', 'case_id', 'title', 'text'])
      .execute();
    await indexDocuments(
      db,
      rows.map((r) => searchDocumentOf.evidence(r)),
    );
  },
  async insertFile(db: Executor, e: NewFileEvidence, at: string): Promise<number> {
    const row = await db
      .insertInto('evidence')
      .values({
        case_id: e.caseId,
        report_id: null,
        kind: e.kind,
        title: e.title,
        text: null,
        url: null,
        sha256: e.sha256,
        content_type: e.contentType,
        size: e.size,
        file_name: e.fileName,
        uploaded_by: e.uploadedBy,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await indexDocuments(db, [
      searchDocumentOf.evidence({ id: row.id, case_id: e.caseId, title: e.title, file_name: e.fileName }),
    ]);
    return row.id;
  },
  findRef(db: Executor, id: number): Promise<EvidenceRef | undefined> {
    return db
      .selectFrom('evidence')
      .select(['id', 'case_id', 'kind', 'sha256', 'content_type', 'size', 'file_name'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
  async listForCase(db: Executor, caseId: number): Promise<EvidenceRow[]> {
    const rows = await db.selectFrom('evidence').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map((e) => ({
      ...e,
      structured: e.structured === null ? null : parseStructuredData(e.kind, fromJson(e.structured)),
    }));
  },
};

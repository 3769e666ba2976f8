import type { SearchDocument } from './searchIndex';

/**
 * What each kind of row contributes to search. Personal data (a subject's phone and address)
 * is never indexed: the desk shows it masked and reveals it only for a stated, audited reason,
 * so a search must not find a subject by it.
 */
const lines = (...parts: (string | null | undefined)[]) => parts.filter((p): p is string => Boolean(p)).join('\n');

export const searchDocumentOf = {
  case(row: { id: number; subject_id: string; summary: string }): SearchDocument {
    return {
      type: 'case',
      id: row.id,
      caseId: row.id,
      subjectId: row.subject_id,
      title: row.summary,
      body: row.summary,
    };
  },
  /** A report: what it says, the subject's name as it gave it, and the reporting system's id. */
  report(row: {
    id: number;
    case_id: number;
    subject_id: string;
    summary: string;
    subject_name?: string | null;
    external_id: string;
  }): SearchDocument {
    return {
      type: 'report',
      id: row.id,
      caseId: row.case_id,
      subjectId: row.subject_id,
      title: row.summary,
      body: lines(row.summary, row.subject_name, row.external_id),
    };
  },
  evidence(row: {
    id: number;
    case_id: number;
    subject_id?: string | null;
    title: string;
    text?: string | null;
    file_name?: string | null;
  }): SearchDocument {
    return {
      type: 'evidence',
      id: row.id,
      caseId: row.case_id,
      subjectId: row.subject_id ?? null,
      title: row.title,
      body: lines(row.title, row.text, row.file_name),
    };
  },
  /** A subject by its marketplace id and its name (never its contact data). */
  subject(row: { id: string; name: string | null }): SearchDocument {
    return {
      type: 'subject',
      id: row.id,
      caseId: null,
      subjectId: row.id,
      title: row.name ?? row.id,
      body: lines(row.id, row.name),
    };
  },
  decision(row: { id: number; case_id: number; subject_id?: string | null; reason: string }): SearchDocument {
    const subjectId = row.subject_id ?? null;
    return { type: 'decision', id: row.id, caseId: row.case_id, subjectId, title: row.reason, body: row.reason };
  },
  /** An internal note, on a case or on a subject (staff only: search is never offered to integrations). */
  note(row: { id: number; target_type: 'case' | 'subject'; target_id: string; text: string }): SearchDocument {
    const onCase = row.target_type === 'case';
    return {
      type: 'note',
      id: row.id,
      caseId: onCase ? Number(row.target_id) : null,
      subjectId: onCase ? null : row.target_id,
      title: row.text,
      body: row.text,
    };
  },
};

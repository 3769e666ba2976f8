import type { Generated, Selectable } from 'kysely';
import type { SearchDocumentType } from '../../../shared/api/search';

/**
 * One searchable row (a case, report, evidence, subject, decision or note) as search shows it.
 * Its normalized text is indexed beside it, per dialect (docs/SEARCH.md): on SQLite in the FTS5
 * tables `search_fts` (trigrams) and `search_grams` (short grams), keyed by `id`; on PostgreSQL
 * in the columns `norm` (pg_trgm) and `grams`, which are not declared here because only
 * `server/search/` reads or writes them.
 */
export interface SearchDocumentsTable {
  id: Generated<number>;
  doc_type: SearchDocumentType;
  /** The row's own id, as text (subjects have text ids). */
  doc_id: string;
  /** The case a hit opens; null for a subject. */
  case_id: number | null;
  subject_id: string | null;
  title: string;
  /** The text that is searched, as written. */
  body: string;
}
export type SearchDocumentRow = Selectable<SearchDocumentsTable>;

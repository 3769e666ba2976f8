import { sql } from 'kysely';
import type { SearchDocumentType } from '../../shared/api/search';
import { gramsOf, normalizeForSearch } from '../../shared/search/searchText';
import type { Executor } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';

/**
 * Keeps the search index in step with the rows it describes. Every function takes the
 * transaction that writes the row, so the row and its index entry commit or roll back together
 * (the repositories of cases, reports, evidence, subjects and decisions call it; notes too).
 * docs/SEARCH.md says what is indexed where and why.
 */

export interface SearchDocument {
  type: SearchDocumentType;
  id: string | number;
  /** The case a hit opens; null for a subject. */
  caseId: number | null;
  subjectId: string | null;
  /** Short text shown as the hit's heading (cut to TITLE_MAX). */
  title: string;
  /** Everything that is searched, as written (parts joined by new lines). */
  body: string;
}

const TITLE_MAX = 120;

/** Adds the row's document, or replaces it when the row was indexed before (an edit, a rename). */
export async function indexDocument(db: Executor, doc: SearchDocument): Promise<void> {
  await indexDocuments(db, [doc]);
}

export async function indexDocuments(db: Executor, docs: readonly SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  if (isPostgres(db)) await indexOnPostgres(db, docs);
  else await indexOnSqlite(db, docs);
}

/** Takes the row's document out of the index (the row was deleted). */
export async function removeDocument(db: Executor, type: SearchDocumentType, id: string | number): Promise<void> {
  const row = await db
    .deleteFrom('search_documents')
    .where('doc_type', '=', type)
    .where('doc_id', '=', String(id))
    .returning('id')
    .executeTakeFirst();
  if (row && !isPostgres(db)) await removeFromFts(db, row.id);
}

/** Points the documents of rows that moved to another case (a report split off) at that case. */
export async function moveDocumentsToCase(
  db: Executor,
  type: SearchDocumentType,
  ids: readonly (string | number)[],
  caseId: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('search_documents')
    .set({ case_id: caseId })
    .where('doc_type', '=', type)
    .where('doc_id', 'in', ids.map(String))
    .execute();
}

export function columnsOf(doc: SearchDocument) {
  return {
    doc_type: doc.type,
    doc_id: String(doc.id),
    case_id: doc.caseId,
    subject_id: doc.subjectId,
    title: cut(doc.title, TITLE_MAX),
    body: doc.body,
  };
}

async function indexOnPostgres(db: Executor, docs: readonly SearchDocument[]): Promise<void> {
  // norm and grams are PostgreSQL-only columns (see searchDocuments.table.ts), hence `any`.
  const rows = docs.map((doc) => {
    const norm = normalizeForSearch(doc.body);
    return { ...columnsOf(doc), norm, grams: gramsOf(norm) };
  });
  await (db as Executor)
    .insertInto('search_documents')
    .values(rows as any)
    .onConflict((oc) =>
      oc.columns(['doc_type', 'doc_id']).doUpdateSet((eb) => ({
        case_id: eb.ref('excluded.case_id'),
        subject_id: eb.ref('excluded.subject_id'),
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
        norm: eb.ref('excluded.norm' as any),
        grams: eb.ref('excluded.grams' as any),
      })),
    )
    .execute();
}

/** Rows per statement on SQLite: eight values each, well inside its limit of bound values. */
const SQLITE_ROWS_PER_STATEMENT = 500;

/**
 * One statement per batch: the `search_index_entries` view's trigger (migration 0042) writes
 * each document, its text and its grams, replacing the entries of a row indexed before.
 */
async function indexOnSqlite(db: Executor, docs: readonly SearchDocument[]): Promise<void> {
  for (let i = 0; i < docs.length; i += SQLITE_ROWS_PER_STATEMENT) {
    const rows = docs.slice(i, i + SQLITE_ROWS_PER_STATEMENT).map((doc) => {
      const c = columnsOf(doc);
      const norm = normalizeForSearch(doc.body);
      const grams = sqliteGramTokens(gramsOf(norm)).join(' ');
      return sql`(${c.doc_type}, ${c.doc_id}, ${c.case_id}, ${c.subject_id}, ${c.title}, ${c.body}, ${norm}, ${grams})`;
    });
    await sql`INSERT INTO search_index_entries (doc_type, doc_id, case_id, subject_id, title, body, norm, grams)
      VALUES ${sql.join(rows)}`.execute(db);
  }
}

export async function removeFromFts(db: Executor, id: number): Promise<void> {
  await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(db);
  await sql`DELETE FROM search_grams WHERE rowid = ${id}`.execute(db);
}

/**
 * A gram as one FTS5 token: its code points in hex (`g56e2x4f19` for 团伙). The unicode61
 * tokenizer knows the letters of Unicode 6.1 only, so a newer character (or a gram of two
 * scripts) written as itself could split into two tokens or none; hex is always one token.
 */
export function sqliteGramToken(gram: string): string {
  return `g${[...gram].map((ch) => (ch.codePointAt(0) ?? 0).toString(16)).join('x')}`;
}

export function sqliteGramTokens(grams: readonly string[]): string[] {
  return grams.map(sqliteGramToken);
}

function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

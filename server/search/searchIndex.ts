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
  else for (const doc of docs) await indexOnSqlite(db, doc);
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

function columnsOf(doc: SearchDocument) {
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

async function indexOnSqlite(db: Executor, doc: SearchDocument): Promise<void> {
  const columns = columnsOf(doc);
  // A new row (the usual case: intake, a decision) costs three statements; a row indexed
  // before (a rename, an edited reason) has its entries replaced.
  let id = (
    await db
      .insertInto('search_documents')
      .values(columns)
      .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
  )?.id;
  if (id === undefined) {
    const existing = await db
      .updateTable('search_documents')
      .set(columns)
      .where('doc_type', '=', columns.doc_type)
      .where('doc_id', '=', columns.doc_id)
      .returning('id')
      .executeTakeFirstOrThrow();
    id = existing.id;
    await removeFromFts(db, id);
  }
  const norm = normalizeForSearch(doc.body);
  await sql`INSERT INTO search_fts (rowid, text) VALUES (${id}, ${norm})`.execute(db);
  await sql`INSERT INTO search_grams (rowid, grams) VALUES (${id}, ${sqliteGramTokens(gramsOf(norm)).join(' ')})`.execute(
    db,
  );
}

async function removeFromFts(db: Executor, id: number): Promise<void> {
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

function sqliteGramTokens(grams: readonly string[]): string[] {
  return grams.map(sqliteGramToken);
}

function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

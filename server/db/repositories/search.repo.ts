import { sql } from 'kysely';
import { splitTerms } from '../../../shared/search/searchText';
import { sqliteGramToken } from '../../search/searchIndex';
import type { Executor } from '../database';
import { isPostgres } from '../migrations/helpers';
import type { SearchDocumentRow } from '../tables/searchDocuments.table';

/**
 * The documents whose text contains every term (normalized, see shared/search/searchText.ts),
 * newest first. Terms are always bound as values: on SQLite each becomes a quoted FTS5 string
 * with its quotes doubled, on PostgreSQL a LIKE pattern with its wildcards escaped, so nothing a
 * user types is read as query syntax.
 */
export const searchRepo = {
  async find(db: Executor, terms: readonly string[], limit: number): Promise<SearchDocumentRow[]> {
    const { long, short } = splitTerms(terms);
    return isPostgres(db) ? findOnPostgres(db, long, short, limit) : findOnSqlite(db, long, short, limit);
  },
};

const ftsString = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * One FTS5 table drives the query in descending rowid order and stops at `limit` (FTS5 walks
 * its doclists backwards for ORDER BY rowid DESC): the gram table when there is a short term
 * (its doclists are the smallest: one entry per document, no positions), else the trigram one.
 * The other table, if needed, filters the rows found.
 */
async function findOnSqlite(db: Executor, long: string[], short: string[], limit: number) {
  const trigrams = long.map(ftsString).join(' AND ');
  const grams = short.map((t) => ftsString(sqliteGramToken(t))).join(' AND ');
  const driver = short.length
    ? sql`SELECT rowid AS id FROM search_grams WHERE search_grams MATCH ${grams}
          ${long.length ? sql`AND rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${trigrams})` : sql``}
          ORDER BY rowid DESC LIMIT ${limit}`
    : sql`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${trigrams} ORDER BY rowid DESC LIMIT ${limit}`;
  const result = await sql<SearchDocumentRow>`
    SELECT d.id, d.doc_type, d.doc_id, d.case_id, d.subject_id, d.title, d.body
      FROM (${driver}) AS hit
      JOIN search_documents d ON d.id = hit.id
     ORDER BY d.id DESC`.execute(db);
  return result.rows;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Long terms through the pg_trgm GIN index on `norm` (LIKE), short ones through the GIN index
 * on `grams` (containment); the planner combines them, or walks the primary key backwards and
 * filters when a term is so common that the newest rows match at once.
 */
async function findOnPostgres(db: Executor, long: string[], short: string[], limit: number) {
  const conditions = [
    ...long.map((t) => sql`norm LIKE ${likePattern(t)}`),
    ...(short.length ? [sql`grams @> ${sql.val(short)}::text[]`] : []),
  ];
  const result = await sql<SearchDocumentRow>`
    SELECT id, doc_type, doc_id, case_id, subject_id, title, body
      FROM search_documents
     WHERE ${sql.join(conditions, sql` AND `)}
     ORDER BY id DESC
     LIMIT ${limit}`.execute(db);
  return result.rows;
}

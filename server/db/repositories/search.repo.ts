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
  /** `steps` sizes PostgreSQL's steps (see findOnPostgres); tests make them small to reach every step. */
  async find(
    db: Executor,
    terms: readonly string[],
    limit: number,
    steps: PostgresSteps = PG_STEPS,
  ): Promise<SearchDocumentRow[]> {
    const { long, short } = splitTerms(terms);
    return isPostgres(db) ? findOnPostgres(db, long, short, limit, steps) : findOnSqlite(db, long, short, limit);
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

export interface PostgresSteps {
  /** Newest documents read by the first, sequential step. */
  newest: number;
  /** Newest documents the second step limits the index scans to. */
  window: number;
}
const PG_STEPS: PostgresSteps = { newest: 1_000, window: 50_000 };

/**
 * Long terms through the pg_trgm GIN index on `norm` (LIKE), short ones through the GIN index on
 * `grams` (containment), newest first. The planner cannot tell a rare term from a common one
 * (it has no statistics for grams or trigrams it did not sample), and picks one plan for both:
 * walking the primary key backwards, which reads every row for a rare term (3 s at 400,000
 * documents), or the GIN indexes, which read every match of a common one (0.6 s for a gram in
 * 37% of them). So the search goes in steps, each cheap where the one before fell short:
 * 1. the newest `newest` documents (1,000), read in order: enough for any term in ~2% of documents;
 * 2. the GIN indexes, limited to the newest `window` documents (50,000): a rarer term has fewer matches
 *    for the index to list, and only those in the window are read;
 * 3. the GIN indexes over everything: now a term this rare has few matches anywhere.
 * Steps 2 and 3 switch off plain index and sequential scans for their transaction, so the
 * planner must use the GIN indexes (bitmap scans) whatever it estimates.
 */
async function findOnPostgres(db: Executor, long: string[], short: string[], limit: number, steps: PostgresSteps) {
  const matches = sql.join(
    [
      ...long.map((t) => sql`norm LIKE ${likePattern(t)}`),
      ...(short.length ? [sql`grams @> ${sql.val(short)}::text[]`] : []),
    ],
    sql` AND `,
  );
  const columns = sql`id, doc_type, doc_id, case_id, subject_id, title, body`;
  const newest = await sql<SearchDocumentRow>`
    SELECT ${columns}
      FROM (SELECT * FROM search_documents ORDER BY id DESC LIMIT ${steps.newest}) AS newest
     WHERE ${matches}
     ORDER BY id DESC
     LIMIT ${limit}`.execute(db);
  if (newest.rows.length === limit) return newest.rows;
  // Read before the scans are switched off: it is one step down the primary key.
  const top = await db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const throughIndexes = (window: number | null) =>
    db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const inWindow = window === null ? sql`` : sql`AND id > ${Number(top?.id ?? 0) - window}`;
      const result = await sql<SearchDocumentRow>`
        SELECT ${columns} FROM search_documents
         WHERE ${matches} ${inWindow}
         ORDER BY id DESC
         LIMIT ${limit}`.execute(trx);
      return result.rows;
    });
  if (Number(top?.id ?? 0) <= steps.window) return throughIndexes(null);
  const recent = await throughIndexes(steps.window);
  return recent.length === limit ? recent : throughIndexes(null);
}

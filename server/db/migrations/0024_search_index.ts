import { type Kysely, sql } from 'kysely';
import { gramsOf, normalizeForSearch } from '../../../shared/search/searchText';
import { searchDocumentOf } from '../../search/searchDocuments';
import {
  columnsOf,
  indexDocuments,
  removeFromFts,
  type SearchDocument,
  sqliteGramTokens,
} from '../../search/searchIndex';
import { idColumn, isPostgres } from './helpers';

/**
 * Free-text search (docs/SEARCH.md): one row per searchable row in `search_documents`, its
 * normalized text indexed per dialect:
 * - SQLite: FTS5 `search_fts` with the trigram tokenizer (terms of 3+ characters, any script)
 *   and FTS5 `search_grams` over each document's one- and two-character grams (shorter terms:
 *   a two-character Chinese word). Both contentless (the text is in `search_documents`), with
 *   contentless_delete so an edited row's entry can be replaced.
 * - PostgreSQL: `norm` with a pg_trgm GIN index (LIKE for 3+ characters) and `grams` (text[])
 *   with a GIN index (containment for shorter terms).
 * Every existing case, report, evidence, subject, decision and note is indexed here, in pages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  if (pg) await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer')
    .addColumn('subject_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .$call((t) =>
      pg ? t.addColumn('norm', 'text', (c) => c.notNull()).addColumn('grams', sql`text[]`, (c) => c.notNull()) : t,
    )
    .addUniqueConstraint('search_documents_doc_key', ['doc_type', 'doc_id'])
    .execute();
  if (pg) {
    await sql`CREATE INDEX search_documents_norm_idx ON search_documents USING gin (norm gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX search_documents_grams_idx ON search_documents USING gin (grams)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(text, content='', contentless_delete=1, tokenize='trigram')`.execute(
      db,
    );
    // detail=none: a gram is a whole token, looked up alone, so positions are never needed.
    await sql`CREATE VIRTUAL TABLE search_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61')`.execute(
      db,
    );
  }
  await backfill(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`DROP TABLE search_grams`.execute(db);
    await sql`DROP TABLE search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').execute();
}

const PAGE = 1000;

async function backfill(db: Kysely<any>): Promise<void> {
  await eachPage(db, 'subjects', ['id', 'name'], 'id', (r) => searchDocumentOf.subject(r));
  await eachPage(db, 'cases', ['id', 'subject_id', 'summary'], 'id', (r) => searchDocumentOf.case(r));
  await eachPage(db, 'reports', ['id', 'case_id', 'subject_id', 'summary', 'subject_name', 'external_id'], 'id', (r) =>
    searchDocumentOf.report(r),
  );
  await eachPage(db, 'evidence', ['id', 'case_id', 'title', 'text', 'file_name'], 'id', (r) =>
    searchDocumentOf.evidence(r),
  );
  await eachPage(db, 'decisions', ['id', 'case_id', 'reason'], 'id', (r) => searchDocumentOf.decision(r));
  // Internal notes (0023) came before this migration.
  await eachPage(db, 'notes', ['id', 'target_type', 'target_id', 'text'], 'id', (r) => searchDocumentOf.note(r));
}

async function eachPage(
  db: Kysely<any>,
  table: string,
  columns: string[],
  key: string,
  toDocument: (row: any) => SearchDocument,
): Promise<void> {
  let after: unknown = null;
  for (;;) {
    const rows: any[] = await db
      .selectFrom(table)
      .select(columns)
      .$if(after !== null, (q) => q.where(key, '>', after))
      .orderBy(key)
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    const docs = rows.map(toDocument);
    if (isPostgres(db)) await indexDocuments(db, docs);
    else for (const doc of docs) await indexOnSqliteAsOf0024(db, doc);
    after = rows.at(-1)[key];
  }
}

/**
 * The SQLite index as this migration leaves it: three statements per document. The desk's own
 * `indexDocuments` writes through the view of migration 0042, which does not exist yet here.
 */
async function indexOnSqliteAsOf0024(db: Kysely<any>, doc: SearchDocument): Promise<void> {
  const columns = columnsOf(doc);
  let id: number | undefined = (
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
    id = existing.id as number;
    await removeFromFts(db, id);
  }
  const norm = normalizeForSearch(doc.body);
  await sql`INSERT INTO search_fts (rowid, text) VALUES (${id}, ${norm})`.execute(db);
  await sql`INSERT INTO search_grams (rowid, grams) VALUES (${id}, ${sqliteGramTokens(gramsOf(norm)).join(' ')})`.execute(
    db,
  );
}

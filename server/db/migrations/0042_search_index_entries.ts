import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

/**
 * SQLite: a searchable row is indexed with one statement instead of three. Writing it took an
 * upsert into `search_documents`, then the normalized text into `search_fts` and the grams into
 * `search_grams`, each a round trip to the database thread while the transaction holds SQLite's
 * one writer (intake and decisions index a row each). `search_index_entries` is a view nobody
 * reads; inserting into it runs this trigger, which does the three writes (and, for a row
 * indexed before, takes its old entries out first) inside the one statement. PostgreSQL keeps
 * the text and grams as columns of `search_documents` and needs no such thing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`CREATE VIEW search_index_entries AS
    SELECT doc_type, doc_id, case_id, subject_id, title, body, '' AS norm, '' AS grams
    FROM search_documents WHERE 0`.execute(db);
  await sql`CREATE TRIGGER search_index_entries_insert INSTEAD OF INSERT ON search_index_entries
    BEGIN
      DELETE FROM search_fts WHERE rowid =
        (SELECT id FROM search_documents WHERE doc_type = NEW.doc_type AND doc_id = NEW.doc_id);
      DELETE FROM search_grams WHERE rowid =
        (SELECT id FROM search_documents WHERE doc_type = NEW.doc_type AND doc_id = NEW.doc_id);
      INSERT INTO search_documents (doc_type, doc_id, case_id, subject_id, title, body)
        VALUES (NEW.doc_type, NEW.doc_id, NEW.case_id, NEW.subject_id, NEW.title, NEW.body)
        ON CONFLICT (doc_type, doc_id) DO UPDATE SET case_id = excluded.case_id,
          subject_id = excluded.subject_id, title = excluded.title, body = excluded.body;
      INSERT INTO search_fts (rowid, text)
        SELECT id, NEW.norm FROM search_documents WHERE doc_type = NEW.doc_type AND doc_id = NEW.doc_id;
      INSERT INTO search_grams (rowid, grams)
        SELECT id, NEW.grams FROM search_documents WHERE doc_type = NEW.doc_type AND doc_id = NEW.doc_id;
    END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`DROP VIEW search_index_entries`.execute(db);
}

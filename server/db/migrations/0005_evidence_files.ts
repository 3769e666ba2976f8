import type { Kysely } from 'kysely';
import { isPostgres } from './helpers';

// Evidence files, stored content-addressed: one row per distinct SHA-256, however many pieces
// of evidence (on however many cases) point at the same bytes. The bytes live in the database
// so a backup of it is a backup of the evidence, and the 10 MiB upload limit keeps rows small.
// `structured` holds the typed data of orders tables, chat logs, waybills and listing snapshots.

const NEW_EVIDENCE_COLUMNS = ['sha256', 'content_type', 'size', 'file_name', 'uploaded_by', 'structured'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('evidence')
    .addColumn('sha256', 'text', (c) => c.references('evidence_files.sha256'))
    .execute();
  await db.schema.alterTable('evidence').addColumn('content_type', 'text').execute();
  await db.schema.alterTable('evidence').addColumn('size', 'integer').execute();
  await db.schema.alterTable('evidence').addColumn('file_name', 'text').execute();
  await db.schema
    .alterTable('evidence')
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('evidence').addColumn('structured', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [...NEW_EVIDENCE_COLUMNS].reverse())
    await db.schema.alterTable('evidence').dropColumn(column).execute();
  await db.schema.dropTable('evidence_files').execute();
}

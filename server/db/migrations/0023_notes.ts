import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Internal notes staff write on a case or a subject, and the mentions in them:
 * - `notes`: one row per note; `target_type` is `case` or `subject` and `target_id` the case's
 *   id (as text) or the subject's id, so one table serves both pages. `version` grows by one
 *   with each edit, so parallel edits cannot overwrite one another unseen. The text of every
 *   version stays in the audit trail (`note.added`, `note.edited` carry it).
 * - `note_mentions`: each staff member a note mentions, which is also their inbox item;
 *   `read_at` is set when they mark it read. One row per note and person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notes')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_target_idx').on('notes').columns(['target_type', 'target_id', 'id']).execute();

  await db.schema
    .createTable('note_mentions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('note_id', 'integer', (c) => c.notNull().references('notes.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('note_mentions_note_user_idx')
    .unique()
    .on('note_mentions')
    .columns(['note_id', 'user_id'])
    .execute();
  await db.schema.createIndex('note_mentions_inbox_idx').on('note_mentions').columns(['user_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('note_mentions').execute();
  await db.schema.dropTable('notes').execute();
}

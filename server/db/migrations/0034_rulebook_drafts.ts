import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Drafts of a new rulebook version. An admin copies a published version (`based_on_version`)
 * and edits `rulebook` (JSON, the engine's format, checked on every write); `version` grows by
 * one with each edit so parallel edits cannot overwrite one another unseen. `status` moves
 * draft → pending_approval (someone asked to publish it from `effective_from`:
 * `publish_requested_by`) → published (a second admin approved it: `approved_by`, and it became
 * `published_version` of its platform), or → discarded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rulebook_drafts')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('based_on_version', 'integer', (c) => c.notNull())
    .addColumn('rulebook', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('publish_requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('effective_from', 'text')
    .addColumn('published_version', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rulebook_drafts_platform_status_idx')
    .on('rulebook_drafts')
    .columns(['platform', 'status', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rulebook_drafts').execute();
}

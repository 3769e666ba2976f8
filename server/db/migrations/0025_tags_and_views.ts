import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Tags on cases and subjects, and saved queue views (issue 19):
 * - `tags`: the vocabulary leads keep, named in both languages, with a colour; a retired tag
 *   stays on what carries it but is no longer offered. Its id is a short slug of the English
 *   name, fixed at creation, so a rename never breaks a URL or a saved view that filters by it.
 *   Names are unique in each language (the service compares them case-insensitively first; the
 *   indexes settle a race between two leads creating the same name).
 * - `case_tags`, `subject_tags`: one row per tag applied; the primary key makes parallel
 *   applications of the same tag one row. The (tag, …) indexes serve the queue's tag filter.
 * - `saved_views`: a person's named queue filters (JSON text), optionally shared with a queue.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // Lower-cased English name: the unique key, so "Gang" and "gang" are one name.
    .addColumn('name_en_key', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tags_name_zh_idx').unique().on('tags').column('name_zh').execute();
  await db.schema.createIndex('tags_name_en_key_idx').unique().on('tags').column('name_en_key').execute();

  await db.schema
    .createTable('case_tags')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id'))
    .addColumn('applied_by', 'integer', (c) => c.references('users.id'))
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_tags_pk', ['case_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('case_tags_tag_idx').on('case_tags').columns(['tag_id', 'case_id']).execute();

  await db.schema
    .createTable('subject_tags')
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id'))
    .addColumn('applied_by', 'integer', (c) => c.references('users.id'))
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subject_tags_pk', ['subject_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('subject_tags_tag_idx').on('subject_tags').columns(['tag_id', 'subject_id']).execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON text: the queue's filters and sort (shared/api/views.ts).
    .addColumn('state', 'text', (c) => c.notNull())
    // Members of this queue see the view too; only leads share.
    .addColumn('shared_queue', 'text', (c) => c.references('queues.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Saving a name one already has replaces that view; the index makes parallel saves one row.
  await db.schema
    .createIndex('saved_views_owner_name_idx')
    .unique()
    .on('saved_views')
    .columns(['owner_id', 'name'])
    .execute();
  await db.schema.createIndex('saved_views_shared_idx').on('saved_views').column('shared_queue').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_views').execute();
  await db.schema.dropTable('subject_tags').execute();
  await db.schema.dropTable('case_tags').execute();
  await db.schema.dropTable('tags').execute();
}

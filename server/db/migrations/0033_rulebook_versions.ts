import type { Kysely } from 'kysely';
import builtInRulebooks from './0033_builtin_rulebooks.json';
import { idColumn } from './helpers';

/** "In force since records begin": the imported versions judge every finding the desk holds. */
const SINCE_RECORDS_BEGIN = '1970-01-01';

/**
 * The rulebooks become versioned data: one row per published version of a platform's rulebook,
 * immutable once written (a change is a new version, never an edit). `rulebook` is the whole
 * rulebook as JSON, in the engine's format; `effective_from` the platform-local date it comes
 * into force (the latest version whose date has begun is the one in force).
 *
 * Version 1 of each platform is the rulebook this release was built with, imported from a frozen
 * copy next to this file (0033_builtin_rulebooks.json), not from the TypeScript data: later edits
 * to that data must not change what this migration wrote. `published_by` and `approved_by` are
 * null for these imported versions: no one at the desk published them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rulebook_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rulebook', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rulebook_versions_platform_version_idx')
    .unique()
    .on('rulebook_versions')
    .columns(['platform', 'version'])
    .execute();

  const at = new Date().toISOString();
  for (const [platform, rulebook] of Object.entries(builtInRulebooks)) {
    await db
      .insertInto('rulebook_versions')
      .values({
        platform,
        version: 1,
        rulebook: JSON.stringify(rulebook),
        effective_from: SINCE_RECORDS_BEGIN,
        published_by: null,
        approved_by: null,
        created_at: at,
      })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rulebook_versions').execute();
}

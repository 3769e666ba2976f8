import type { Kysely } from 'kysely';

/**
 * `case_viewers`: who has a case page open right now, and whether they are drafting a decision
 * on it. One row per person and case, refreshed by the page's heartbeat and forgotten once it
 * goes quiet; kept in the database (not in one server's memory) so every instance sees the same
 * viewers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_viewers')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('editing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_viewers_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_viewers_seen_idx').on('case_viewers').column('seen_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_viewers').execute();
}

import type { Kysely } from 'kysely';

/**
 * The appeal's review clock (docs/MESSAGES.md, "Request evidence"): it runs while the appeal
 * waits for staff and stops while the member is asked for evidence. `clock_paused_at` is set
 * while stopped; `clock_paused_ms` sums the stopped spans already closed, so the review time is
 * `(now or decided_at) − created_at − clock_paused_ms − (now − clock_paused_at if stopped)`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeals').addColumn('clock_paused_at', 'text').execute();
  await db.schema
    .alterTable('appeals')
    .addColumn('clock_paused_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeals').dropColumn('clock_paused_ms').execute();
  await db.schema.alterTable('appeals').dropColumn('clock_paused_at').execute();
}

import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

/**
 * The queue's "open" filter is four statuses; an index cannot serve `status IN (…)` in
 * rank order without sorting every open case. A generated `is_open` column (kept by the
 * database itself, so no code path can forget it) gives one range to walk in order.
 * Measured with test/bench/scale.bench.ts (BENCHMARKS.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const expression = sql`CASE WHEN status IN ('new', 'triaged', 'assigned', 'pending_approval') THEN 1 ELSE 0 END`;
  await db.schema
    .alterTable('cases')
    // SQLite can add only VIRTUAL generated columns to an existing table (and index them);
    // PostgreSQL only has STORED ones.
    .addColumn('is_open', 'integer', (c) =>
      isPostgres(db) ? c.generatedAlwaysAs(expression).stored() : c.generatedAlwaysAs(expression),
    )
    .execute();
  await db.schema.createIndex('cases_open_rank_idx').on('cases').columns(['is_open', 'rank', 'id']).execute();
  await db.schema
    .createIndex('cases_open_queue_rank_idx')
    .on('cases')
    .columns(['queue', 'is_open', 'rank', 'id'])
    .execute();
  await db.schema.createIndex('cases_open_sla_idx').on('cases').columns(['is_open', 'sla_due_at', 'id']).execute();
  await db.schema.createIndex('cases_open_created_idx').on('cases').columns(['is_open', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'cases_open_created_idx',
    'cases_open_sla_idx',
    'cases_open_queue_rank_idx',
    'cases_open_rank_idx',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('cases').dropColumn('is_open').execute();
}

import type { Kysely } from 'kysely';

/**
 * Request budgets shared by every instance on one PostgreSQL: rate-limiter-flexible's
 * RateLimiterPostgres keeps one row per client key (`login:<ip>`), its points and when its
 * window ends (ms since the epoch). The table is ours, not created by the library at start,
 * so both dialects migrate to the same schema; a single SQLite instance keeps its budgets in
 * memory and leaves it empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey().notNull())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}

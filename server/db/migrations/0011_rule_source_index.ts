import type { Kysely } from 'kysely';

/**
 * The queue filtered by rule (and source) and sorted by SLA walked `cases_open_sla_idx` past
 * every open case of other rules, and counting the matches read each row from the table:
 * 73 ms p95 at a million cases (test/bench/scale.bench.ts). With rule and source ahead of the
 * sort key, both become one index range: the page in order, the capped count index-only.
 * A filter on rule alone uses the same index's prefix for its count.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_open_rule_source_sla_idx')
    .on('cases')
    .columns(['is_open', 'rule', 'source', 'sla_due_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_open_rule_source_sla_idx').execute();
}

import { type Kysely, sql } from 'kysely';

/**
 * A small partial index over gold cases' training copies (a few rows among a million cases).
 * A queue's count leaves out the idle ones: it counts every matching case inside the queue
 * indexes and takes off the idle copies this index finds, instead of reading each matching row
 * to look at its training flag (cases.repo.ts, count).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_training_idx')
    .on('cases')
    .columns(['is_open', 'status'])
    .where(sql.ref('training'), '=', 1)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_training_idx').execute();
}

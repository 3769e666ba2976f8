import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Gold (known-answer) cases for QA (issue 22):
 * - `subjects.training`, `cases.training`: 1 for the synthetic training subjects and their
 *   cases. A training case is the redacted copy of a gold case a reviewer is served; it never
 *   touches a real subject and never reaches standing, notices, the outbox or the DSA statement.
 * - `qa_gold_cases`: a lead's known-answer case: the real case it came from, the expected
 *   verdict, and the redacted snapshot (JSON) every training copy is built from; the training
 *   subject the copies are about. Retired gold is no longer served.
 * - `qa_gold_attempts`: a reviewer's answer on a served copy, scored against the expected verdict.
 * - `qa_gold_rates`: per queue, the percentage of `queue.next` calls served a gold copy.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('subjects')
    .addColumn('training', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('training', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('qa_gold_cases')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('source_case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('training_subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    // The first training copy, made when the case is marked: what calibration sessions show.
    .addColumn('copy_case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    // JSON text: the expected verdict {decision, rule?, facts?}.
    .addColumn('expected', 'text', (c) => c.notNull())
    // JSON text: the redacted snapshot (summary, reports, evidence) copies are built from.
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('marked_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('qa_gold_cases_source_idx').on('qa_gold_cases').column('source_case_id').execute();

  await db.schema
    .createTable('qa_gold_attempts')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('gold_id', 'integer', (c) => c.notNull().references('qa_gold_cases.id'))
    // The training copy answered: one attempt per copy.
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('queue', 'text')
    // JSON text: the reviewer's verdict {decision, rule?, facts?}, and the field-by-field scores.
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_gold_attempts_case_idx').unique().on('qa_gold_attempts').column('case_id').execute();
  await db.schema
    .createIndex('qa_gold_attempts_answered_idx')
    .on('qa_gold_attempts')
    .columns(['answered_at', 'reviewer_id'])
    .execute();
  await db.schema
    .createIndex('qa_gold_attempts_reviewer_idx')
    .on('qa_gold_attempts')
    .columns(['reviewer_id', 'gold_id'])
    .execute();

  await db.schema
    .createTable('qa_gold_rates')
    .addColumn('queue_id', 'text', (c) => c.primaryKey().references('queues.id'))
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_gold_rates').execute();
  await db.schema.dropTable('qa_gold_attempts').execute();
  await db.schema.dropTable('qa_gold_cases').execute();
  await db.schema.alterTable('cases').dropColumn('training').execute();
  await db.schema.alterTable('subjects').dropColumn('training').execute();
}

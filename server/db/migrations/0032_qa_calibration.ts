import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Calibration sessions (issue 22): a lead picks cases (real decided ones, or gold cases through
 * their training copy) and reviewers; each reviewer answers every case blind; on closing, the
 * desk compares the answers pairwise and with the gold answer.
 * - `qa_calibration_sessions`: name, who created it, when it closed (null: open).
 * - `qa_calibration_members`: the invited reviewers.
 * - `qa_calibration_items`: the cases, in order; `gold_id` when the item is a gold case (its
 *   `case_id` is then the gold's training copy, never the real case).
 * - `qa_calibration_answers`: one verdict per item and reviewer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_calibration_sessions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('qa_calibration_members')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('qa_calibration_sessions.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('qa_calibration_members_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('qa_calibration_members_user_idx')
    .on('qa_calibration_members')
    .columns(['user_id', 'session_id'])
    .execute();

  await db.schema
    .createTable('qa_calibration_items')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('qa_calibration_sessions.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('gold_id', 'integer', (c) => c.references('qa_gold_cases.id'))
    .addPrimaryKeyConstraint('qa_calibration_items_pk', ['session_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('qa_calibration_answers')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('qa_calibration_sessions.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
    // JSON text: the verdict {decision, rule?, facts?}.
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_calibration_answers_pk', ['session_id', 'case_id', 'reviewer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_calibration_answers').execute();
  await db.schema.dropTable('qa_calibration_items').execute();
  await db.schema.dropTable('qa_calibration_members').execute();
  await db.schema.dropTable('qa_calibration_sessions').execute();
}

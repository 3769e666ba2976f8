import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Quality assurance (issue 22):
 * - `qa_policies`: per queue, the share of effective decisions sampled at random and what is
 *   always sampled (rules by id, findings that seal an account, waivers of serious points).
 * - `qa_tasks`: one per sampled decision (the unique index makes a decision sampled at most
 *   once), handed blind to another reviewer, scored against the first decision, and for a
 *   disagreement adjudicated by a lead. The decision's reviewer and the case's queue are copied
 *   at sampling time: the guards and the leads' backlog read them without joins, and the queue a
 *   case later moves to does not move its QA history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_policies')
    .addColumn('queue_id', 'text', (c) => c.primaryKey().references('queues.id'))
    .addColumn('percent', 'integer', (c) => c.notNull())
    // JSON text: rule ids always sampled.
    .addColumn('always_rules', 'text', (c) => c.notNull())
    .addColumn('always_seals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('always_serious_waivers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qa_tasks')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('queue_id', 'text')
    // The rule the case is about: agreement per rule without a join.
    .addColumn('rule', 'text', (c) => c.notNull())
    // Who made (and who approved) the first decision: neither may review or adjudicate it.
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('approver_id', 'integer', (c) => c.references('users.id'))
    // Why it was sampled: random, rule, seal or serious_waiver.
    .addColumn('sample_reason', 'text', (c) => c.notNull())
    .addColumn('qa_reviewer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON text: the QA reviewer's verdict (decision, rule, facts, reason), then its scores.
    .addColumn('verdict', 'text')
    .addColumn('scores', 'text')
    // 1/0 once scored, null before: agreement rates count it without decoding JSON.
    .addColumn('agreed', 'integer')
    .addColumn('lead_note', 'text')
    .addColumn('adjudicated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('adjudicated_at', 'text')
    .addColumn('sampled_at', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_tasks_decision_idx').unique().on('qa_tasks').column('decision_id').execute();
  // qa.next walks open tasks oldest first; the backlog reads disagreed ones.
  await db.schema.createIndex('qa_tasks_status_idx').on('qa_tasks').columns(['status', 'sampled_at', 'id']).execute();
  await db.schema.createIndex('qa_tasks_reviewer_idx').on('qa_tasks').columns(['reviewer_id', 'sampled_at']).execute();
  await db.schema
    .createIndex('qa_tasks_qa_reviewer_idx')
    .on('qa_tasks')
    .columns(['qa_reviewer_id', 'status'])
    .execute();
  await db.schema.createIndex('qa_tasks_submitted_idx').on('qa_tasks').column('submitted_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_tasks').execute();
  await db.schema.dropTable('qa_policies').execute();
}

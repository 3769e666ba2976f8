import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Appeals against decisions: the member's statement and evidence, the back-and-forth of
// "more evidence, please", and the officer's ruling.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appeals')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    // pending_member | under_review | approved | rejected | expired
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('submissions', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('evidence_deadline', 'text')
    // Routed like its case: the same queue, so the same routing rules decide who sees it.
    .addColumn('queue', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('outcome_reason', 'text')
    .addColumn('relief_violation_id', 'text')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('appeals_status_idx').on('appeals').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('appeals_queue_idx').on('appeals').columns(['queue', 'status', 'created_at']).execute();
  await db.schema.createIndex('appeals_decision_idx').on('appeals').column('decision_id').execute();
  await db.schema.createIndex('appeals_subject_idx').on('appeals').column('subject_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appeals').execute();
}

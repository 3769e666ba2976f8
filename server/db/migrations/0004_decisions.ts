import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Decisions, four-eyes approval, the violations the rulebook engine judges, and notices.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('facts', 'text')
    .addColumn('violation_at', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reason_template', 'text')
    // pending (four-eyes), effective, sent_back
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requires_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approval_reasons', 'text')
    .addColumn('preview', 'text')
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('batch_id', 'text')
    .execute();
  await db.schema.createIndex('decisions_case_idx').on('decisions').column('case_id').execute();
  await db.schema.createIndex('decisions_status_idx').on('decisions').columns(['status', 'decided_at']).execute();

  // What the engine judges: one row per applied finding, reversed when an appeal is upheld.
  await db.schema
    .createTable('violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .addColumn('reversed_by', 'text')
    .execute();
  await db.schema.createIndex('violations_subject_idx').on('violations').columns(['subject_id', 'at']).execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('appeal_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_case_idx').on('notices').column('case_id').execute();
  await db.schema.createIndex('notices_subject_idx').on('notices').column('subject_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notices', 'violations', 'decisions']) await db.schema.dropTable(table).execute();
}

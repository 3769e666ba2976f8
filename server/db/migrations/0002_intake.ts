import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Intake, triage and assignment: queues, routing, tokens, evidence, links and skips.

export async function up(db: Kysely<any>): Promise<void> {
  // `rank` orders the queue by current urgency without rewriting rows (shared/cases/triage.ts);
  // `triage` keeps the explained static factors as JSON text.
  await db.schema
    .alterTable('cases')
    .addColumn('rank', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('cases').addColumn('triage', 'text').execute();
  await db.schema
    .alterTable('cases')
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // When the case left the open states: queue throughput (and the SLA forecast) count these.
  await db.schema.alterTable('cases').addColumn('closed_at', 'text').execute();
  await db.schema.dropIndex('cases_queue_idx').execute();
  await db.schema.createIndex('cases_status_rank_idx').on('cases').columns(['status', 'rank', 'id']).execute();
  await db.schema.createIndex('cases_queue_rank_idx').on('cases').columns(['queue', 'status', 'rank', 'id']).execute();
  await db.schema.createIndex('cases_lease_idx').on('cases').columns(['status', 'lease_until']).execute();
  await db.schema.createIndex('cases_closed_idx').on('cases').columns(['queue', 'closed_at']).execute();

  await db.schema
    .createTable('queues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sla_days', 'text', (c) => c.notNull())
    .addColumn('auto_assign', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('queue_members')
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('queue_members_pk', ['queue_id', 'user_id'])
    .execute();
  await db.schema.createIndex('queue_members_user_idx').on('queue_members').column('user_id').execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id').onDelete('cascade'))
    .addColumn('match', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('integration_tokens')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('report_id', 'integer', (c) => c.references('reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_case_idx').on('evidence').column('case_id').execute();

  await db.schema
    .createTable('case_links')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('linked_case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_links_pk', ['case_id', 'linked_case_id'])
    .execute();

  await db.schema
    .createTable('case_skips')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_skips_pk', ['case_id', 'user_id'])
    .execute();

  // Reporter credibility: reports later dismissed lower it, upheld ones raise it.
  await db.schema
    .createTable('reporters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submitted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('upheld', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dismissed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reporters',
    'case_skips',
    'case_links',
    'evidence',
    'integration_tokens',
    'routing_rules',
    'queue_members',
    'queues',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('cases_closed_idx').execute();
  await db.schema.dropIndex('cases_lease_idx').execute();
  await db.schema.dropIndex('cases_queue_rank_idx').execute();
  await db.schema.dropIndex('cases_status_rank_idx').execute();
  await db.schema.createIndex('cases_queue_idx').on('cases').columns(['status', 'priority', 'id']).execute();
  for (const column of ['closed_at', 'report_count', 'triage', 'rank'])
    await db.schema.alterTable('cases').dropColumn(column).execute();
}

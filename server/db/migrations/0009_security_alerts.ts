import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Account-security risk alerts (docs/MARKETPLACE.md §7), and the indexes the dashboard's period queries
// read by: decisions, reports and appeal rulings by time.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('security_alerts')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    // The shop; not a foreign key: alerts may arrive for a shop that has no case yet.
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('shop_name', 'text')
    .addColumn('account_id', 'text', (c) => c.notNull())
    // main | sub
    .addColumn('account_kind', 'text', (c) => c.notNull())
    .addColumn('nickname', 'text', (c) => c.notNull())
    // The full number (revealed with an audited reason) and what the lists show.
    .addColumn('phone', 'text')
    .addColumn('phone_masked', 'text')
    // low | medium | high
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    // pending | handled
    .addColumn('status', 'text', (c) => c.notNull())
    // no_risk | disable_sub_account | delete_sub_account | force_password_change
    .addColumn('resolution', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('handled_at', 'text')
    .addColumn('note', 'text')
    .addColumn('batch_id', 'text')
    // `token:<id>` or `user:<id>`
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('security_alerts_status_idx')
    .on('security_alerts')
    .columns(['status', 'detected_at', 'id'])
    .execute();
  await db.schema
    .createIndex('security_alerts_account_idx')
    .on('security_alerts')
    .columns(['subject_id', 'account_id', 'status'])
    .execute();

  await db.schema.createIndex('decisions_decided_at_idx').on('decisions').column('decided_at').execute();
  await db.schema.createIndex('reports_created_at_idx').on('reports').column('created_at').execute();
  await db.schema.createIndex('appeals_decided_at_idx').on('appeals').column('decided_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['appeals_decided_at_idx', 'reports_created_at_idx', 'decisions_decided_at_idx'])
    await db.schema.dropIndex(index).execute();
  await db.schema.dropTable('security_alerts').execute();
}

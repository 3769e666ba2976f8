import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// The enforcement outbox (docs/OUTBOX.md): messages written in the transaction that causes them,
// the webhook endpoints admins register, one delivery row per (message, endpoint), and the
// measures the outbox has announced as in force (what later changes are diffed against, and
// where the scheduler finds the measures whose end is due).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer')
    // The message body (JSON) without its sequence, which is this row's id.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_messages_subject_idx')
    .on('outbox_messages')
    .columns(['subject_id', 'id'])
    .execute();

  await db.schema
    .createTable('outbox_endpoints')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON array of the event types sent to this endpoint.
    .addColumn('event_types', 'text', (c) => c.notNull())
    // The HMAC key: kept in clear because every delivery is signed with it.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('outbox_deliveries')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('message_id', 'integer', (c) => c.notNull().references('outbox_messages.id'))
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('outbox_endpoints.id'))
    // Copied from the message: the ordering check reads it for every candidate.
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // pending | delivered | dead
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // The worker instance sending it right now, until when (a crashed worker's lease runs out).
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outbox_deliveries_message_endpoint_key', ['message_id', 'endpoint_id'])
    .execute();
  await db.schema
    .createIndex('outbox_deliveries_due_idx')
    .on('outbox_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_deliveries_line_idx')
    .on('outbox_deliveries')
    .columns(['endpoint_id', 'subject_id', 'message_id'])
    .execute();

  await db.schema
    .createTable('enforcement_state')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // finding:V12 | punishment:node:general:12:V12 | item:item-1
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    // As the engine states them (instants; platform-local dates for demotions)…
    .addColumn('from_value', 'text', (c) => c.notNull())
    .addColumn('until_value', 'text')
    // …and as UTC instants, for the scheduler (null: until reversed).
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_state_pk', ['subject_id', 'scope_key', 'measure'])
    .execute();
  await db.schema.createIndex('enforcement_state_ends_idx').on('enforcement_state').columns(['ends_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['enforcement_state', 'outbox_deliveries', 'outbox_endpoints', 'outbox_messages']) {
    await db.schema.dropTable(table).execute();
  }
}

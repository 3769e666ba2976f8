import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Every webhook attempt, kept with the outbox rather than in the audit trail: retries of one
// unreachable receiver would otherwise drown the trail in `outbox.delivery_attempted` events.
// The trail keeps the outcomes (delivered, dead-lettered, retried by hand); the outbox page shows
// the attempts of each delivery from here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_attempts')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('delivery_id', 'integer', (c) => c.notNull().references('outbox_deliveries.id'))
    // 1, 2, … as sent in the Verdict-Attempt header (a "retry now" starts again at 1).
    .addColumn('attempt', 'integer', (c) => c.notNull())
    // The worker instance that sent it (host:pid:random), for multi-instance diagnosis.
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    // delivered | retry | dead | interrupted
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    // One of a closed set: timeout, refused, dns, tls, blocked_address, http_status <n>.
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    // 1 when another worker had taken the delivery over (this one overran its lease).
    .addColumn('lease_lost', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('outbox_attempts_delivery_idx')
    .on('outbox_attempts')
    .columns(['delivery_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_attempts').execute();
}

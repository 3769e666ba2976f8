import { sql, type Transaction } from 'kysely';
import { AUDIT_APPEND_LOCK } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';

/**
 * Serializes outbox writers on PostgreSQL until commit, so message ids (identity values) are
 * handed out in commit order and a keyset reader of `enforcement.changes` never skips a message
 * that commits late with a lower id. It is the audit trail's append lock on purpose: every
 * transaction that writes the outbox also appends audit events, so it waits for that lock anyway,
 * and a single lock cannot be taken in two orders. SQLite already serializes writers.
 */
export async function lockOutboxAppends(trx: Transaction<Database>): Promise<void> {
  if (!isPostgres(trx) || locked.has(trx)) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
  locked.add(trx);
}

/** Transactions that hold the lock already (a decision writes several messages; one round trip does). */
const locked = new WeakSet<Transaction<Database>>();

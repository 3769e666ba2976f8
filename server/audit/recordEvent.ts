import canonicalize from 'canonicalize';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import { auditEventHash, GENESIS_HASH } from './auditHash';

/** Who did it and through which request: the part of an event that comes from the caller. */
export interface AuditContext {
  actor: { type: 'user' | 'token' | 'system'; id: string | null };
  requestId?: string | null;
  batchId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEventInput {
  action: string;
  target?: { type: string; id: string | number };
  /** Before/after or the decision payload; stored as canonical JSON. */
  data?: unknown;
}

export const SYSTEM_ACTOR: AuditContext = { actor: { type: 'system', id: null } };

/**
 * Arbitrary constant naming the PostgreSQL advisory lock that serializes appends. The outbox
 * takes it too (server/outbox/appendLock.ts): one lock, so no lock-order deadlock between them.
 */
export const AUDIT_APPEND_LOCK = 7_270_001;

/**
 * Appends one event to the hash chain. It takes a Transaction, never the bare database,
 * so the event commits or rolls back together with the change it records.
 */
export async function recordEvent(
  trx: Transaction<Database>,
  ctx: AuditContext,
  event: AuditEventInput,
  at: Date,
): Promise<{ seq: number; hash: string }> {
  // On PostgreSQL concurrent transactions could read the same head and fork the chain;
  // the advisory lock (released at commit) makes appends take turns. SQLite already
  // serializes writers: our driver holds its single connection for the whole transaction.
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);

  const head = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();

  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    action: event.action,
    target_type: event.target?.type ?? null,
    target_id: event.target ? String(event.target.id) : null,
    data: event.data === undefined ? null : (canonicalize(event.data) ?? null),
    request_id: ctx.requestId ?? null,
    batch_id: ctx.batchId ?? null,
    ip: ctx.ip ?? null,
    user_agent: ctx.userAgent ?? null,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = auditEventHash(prevHash, fields);
  await trx
    .insertInto('audit_events')
    .values({ ...fields, prev_hash: prevHash, hash })
    .execute();
  return { seq: fields.seq, hash };
}

import canonicalize from 'canonicalize';
import { sql, type Transaction } from 'kysely';
import { type AnyAuditEvent, auditPayloadProblem } from '../../shared/audit/events';
import type { Database } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import type { NewAuditEventRow } from '../db/tables/auditEvents.table';
import { auditEventHash, GENESIS_HASH } from './auditHash';

/** Who did it and through which request: the part of an event that comes from the caller. */
export interface AuditContext {
  actor: { type: 'user' | 'token' | 'system'; id: string | null };
  requestId?: string | null;
  batchId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * An event as stored, whatever its action: what `recordEvent` writes once the registry has
 * vetted it, and what tests write to stand for rows of older desks.
 */
export interface RawAuditEvent {
  action: string;
  target?: { type: string; id: string | number };
  /** Before/after or the decision payload; stored as canonical JSON. */
  data?: unknown;
}

/**
 * Payloads are checked against the registry's schemas while testing and developing: cheap
 * next to the insert, and it keeps the registry true to what is written. Production trusts the
 * type checker, which already refuses an unregistered action or a wrong payload.
 */
const checkPayloads = Boolean(process.env.VITEST) || process.env.NODE_ENV === 'development';

export const SYSTEM_ACTOR: AuditContext = { actor: { type: 'system', id: null } };

/**
 * Arbitrary constant naming the PostgreSQL advisory lock that serializes appends. The outbox
 * takes it too (server/outbox/appendLock.ts): one lock, so no lock-order deadlock between them.
 */
export const AUDIT_APPEND_LOCK = 7_270_001;

/**
 * The chain head this process appended last, on SQLite: the next append there is made
 * conditional on it still being the head, which saves reading the head first. A head that
 * is no longer the head (another process appended, the transaction that wrote it rolled
 * back, another database in the same process) fails that condition, and the append falls
 * back to reading it. Correctness never depends on this value, only speed.
 */
let lastAppended: { seq: number; hash: string } | undefined;

/**
 * Appends one event to the hash chain. It takes a Transaction, never the bare database,
 * so the event commits or rolls back together with the change it records. Only actions of
 * the registry (shared/audit/events.ts), each with a payload of its own type.
 */
export function recordEvent(
  trx: Transaction<Database>,
  ctx: AuditContext,
  event: AnyAuditEvent,
  at: Date,
): Promise<{ seq: number; hash: string }> {
  if (checkPayloads) {
    const problem = auditPayloadProblem(event.action, event.data);
    if (problem) throw new Error(problem);
  }
  return recordRawEvent(trx, ctx, event, at);
}

/**
 * Appends an event without consulting the registry. The desk writes through `recordEvent`;
 * this is for tests that stand for rows an older desk wrote (a test checks the server never
 * calls it).
 */
export async function recordRawEvent(
  trx: Transaction<Database>,
  ctx: AuditContext,
  event: RawAuditEvent,
  at: Date,
): Promise<{ seq: number; hash: string }> {
  if (isPostgres(trx)) {
    // Concurrent transactions could read the same head and fork the chain; the advisory
    // lock (released at commit) makes appends take turns.
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
    return append(trx, await readHead(trx), ctx, event, at);
  }
  // SQLite already serializes writers: our driver holds its single connection for the whole
  // transaction. Each statement there waits for a turn of the event loop, so one is saved.
  const known = lastAppended;
  if (known) {
    const row = chainedRow(known, ctx, event, at);
    if (await insertIfStillHead(trx, row)) {
      lastAppended = { seq: row.seq, hash: row.hash };
      return lastAppended;
    }
  }
  lastAppended = await append(trx, await readHead(trx), ctx, event, at);
  return lastAppended;
}

function readHead(trx: Transaction<Database>) {
  return trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

async function append(
  trx: Transaction<Database>,
  head: { seq: number; hash: string } | undefined,
  ctx: AuditContext,
  event: RawAuditEvent,
  at: Date,
): Promise<{ seq: number; hash: string }> {
  const row = chainedRow(head, ctx, event, at);
  await trx.insertInto('audit_events').values(row).execute();
  return { seq: row.seq, hash: row.hash };
}

/** The row that follows `head` in the chain (the first one when there is none). */
function chainedRow(
  head: { seq: number; hash: string } | undefined,
  ctx: AuditContext,
  event: RawAuditEvent,
  at: Date,
): NewAuditEventRow & { seq: number; hash: string } {
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
  return { ...fields, prev_hash: prevHash, hash: auditEventHash(prevHash, fields) };
}

/** Inserts `row` only if the chain's last row is still the one it was chained to. */
async function insertIfStillHead(trx: Transaction<Database>, row: NewAuditEventRow): Promise<boolean> {
  const columns = Object.keys(row) as (keyof NewAuditEventRow & string)[];
  const inserted = await trx
    .insertInto('audit_events')
    .columns(columns)
    .expression(
      trx
        .selectNoFrom((eb) => columns.map((c) => eb.val(row[c]).as(c)))
        .where((eb) =>
          eb(eb.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1), '=', row.prev_hash),
        ),
    )
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows) === 1;
}

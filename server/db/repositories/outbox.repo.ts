import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DeliveryAttemptView, OutboxEventType } from '../../../shared/api/outbox';
import type { Db, Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import type {
  DeliveryStatus,
  NewOutboxEndpointRow,
  NewOutboxMessageRow,
  OutboxAttemptsTable,
  OutboxDeliveriesTable,
  OutboxEndpointRow,
  OutboxEndpointsTable,
  OutboxEndpointUpdate,
  OutboxMessageRow,
  OutboxPayload,
} from '../tables/outbox.table';

const decodeEndpoint = (row: Selectable<OutboxEndpointsTable>): OutboxEndpointRow => ({
  ...row,
  event_types: fromJson(row.event_types),
});

/** A delivery a worker has just leased, with what it needs to send it. */
export interface ClaimedDelivery {
  id: number;
  message_id: number;
  endpoint_id: number;
  attempts: number;
}

export const outboxRepo = {
  /** Inserts the message unless its key exists; returns its id (the sequence) or null. */
  async insertMessageIfAbsent(db: Executor, row: NewOutboxMessageRow): Promise<number | null> {
    const inserted = await db
      .insertInto('outbox_messages')
      .values({ ...row, payload: toJson(row.payload) })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  },

  async message(db: Executor, id: number): Promise<OutboxMessageRow | undefined> {
    const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...row, payload: fromJson(row.payload) };
  },

  /** Messages after `sequence`, oldest first: the pull API's page. */
  async messagesAfter(db: Executor, sequence: number, limit: number) {
    const rows = await db
      .selectFrom('outbox_messages')
      .select(['id', 'payload'])
      .where('id', '>', sequence)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, payload: fromJson<OutboxPayload>(r.payload) }));
  },

  /** Paused (disabled) endpoints included: their messages wait for them to be resumed. */
  async endpointsFor(db: Executor, type: OutboxEventType): Promise<OutboxEndpointRow[]> {
    const rows = await db.selectFrom('outbox_endpoints').selectAll().where('deleted_at', 'is', null).execute();
    return rows.map(decodeEndpoint).filter((e) => e.event_types.includes(type));
  },

  async endpoint(db: Executor, id: number): Promise<OutboxEndpointRow | undefined> {
    const row = await db
      .selectFrom('outbox_endpoints')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row && decodeEndpoint(row);
  },

  async listEndpoints(db: Executor): Promise<OutboxEndpointRow[]> {
    const rows = await db
      .selectFrom('outbox_endpoints')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map(decodeEndpoint);
  },

  async insertEndpoint(db: Executor, row: NewOutboxEndpointRow): Promise<number> {
    const r = await db
      .insertInto('outbox_endpoints')
      .values({ ...row, event_types: toJson(row.event_types) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async updateEndpoint(db: Executor, id: number, changes: OutboxEndpointUpdate): Promise<void> {
    const { event_types, ...rest } = changes;
    await db
      .updateTable('outbox_endpoints')
      .set({ ...rest, ...(event_types !== undefined && { event_types: toJson(event_types) }) })
      .where('id', '=', id)
      .execute();
  },

  async insertDelivery(db: Executor, row: Omit<Insertable<OutboxDeliveriesTable>, 'attempts'>): Promise<void> {
    await db.insertInto('outbox_deliveries').values(row).execute();
  },

  /**
   * Leases up to `limit` due deliveries to `owner` in one statement. Only the head of each
   * (endpoint, subject) line qualifies: a delivery waits while an earlier message of its subject
   * to the same endpoint is undelivered (pending, leased or dead), which is what keeps a subject's
   * messages in order. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets instances claim side by side
   * without waiting on or double-claiming each other's rows; SQLite runs the statement under its
   * single writer lock. The attempt is counted here, so one that dies with its worker still counts.
   */
  claimDue(
    db: Db,
    args: { owner: string; now: string; leaseUntil: string; limit: number; skipLocked: boolean },
  ): Promise<ClaimedDelivery[]> {
    let candidates = db
      .selectFrom('outbox_deliveries as d')
      .select('d.id')
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', args.now)
      .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<=', args.now)]))
      .where('d.endpoint_id', 'in', (eb) =>
        eb.selectFrom('outbox_endpoints').select('id').where('enabled', '=', 1).where('deleted_at', 'is', null),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('outbox_deliveries as p')
              .select('p.id')
              .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
              .whereRef('p.subject_id', '=', 'd.subject_id')
              .whereRef('p.message_id', '<', 'd.message_id')
              .where('p.status', '<>', 'delivered'),
          ),
        ),
      )
      .orderBy('d.message_id')
      .limit(args.limit);
    if (args.skipLocked) candidates = candidates.forUpdate().skipLocked();
    return db
      .updateTable('outbox_deliveries')
      .set((eb) => ({
        lease_owner: args.owner,
        lease_until: args.leaseUntil,
        last_attempt_at: args.now,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', candidates)
      .where('status', '=', 'pending')
      .returning(['id', 'message_id', 'endpoint_id', 'attempts'])
      .execute();
  },

  /** Settles an attempt; only while `owner` still holds the lease (a late worker changes nothing). */
  async settle(db: Executor, id: number, owner: string, changes: Updateable<OutboxDeliveriesTable>): Promise<boolean> {
    const r = await db
      .updateTable('outbox_deliveries')
      .set({ ...changes, lease_owner: null, lease_until: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  delivery(db: Executor, id: number) {
    return db.selectFrom('outbox_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateDelivery(db: Executor, id: number, changes: Updateable<OutboxDeliveriesTable>): Promise<void> {
    await db.updateTable('outbox_deliveries').set(changes).where('id', '=', id).execute();
  },

  /** Deliveries for the page, newest first, keyset-paged by id. */
  async listDeliveries(
    db: Executor,
    filter: { status?: DeliveryStatus; endpointId?: number; subjectId?: string; beforeId?: number; limit: number },
  ) {
    let q = db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('outbox_messages as m', 'm.id', 'd.message_id')
      .innerJoin('outbox_endpoints as e', 'e.id', 'd.endpoint_id')
      .select((eb) => [
        'd.id',
        'd.status',
        'd.attempts',
        'd.next_attempt_at',
        'd.last_attempt_at',
        'd.last_status',
        'd.last_error',
        'd.delivered_at',
        'd.created_at',
        'e.id as endpoint_id',
        'e.url as endpoint_url',
        'm.id as sequence',
        'm.idempotency_key',
        'm.type',
        'm.subject_id',
        'm.case_id',
        'm.payload',
        eb
          .exists(
            eb
              .selectFrom('outbox_deliveries as p')
              .select('p.id')
              .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
              .whereRef('p.subject_id', '=', 'd.subject_id')
              .whereRef('p.message_id', '<', 'd.message_id')
              .where('p.status', '<>', 'delivered'),
          )
          .as('blocked'),
      ])
      .where('e.deleted_at', 'is', null);
    if (filter.status) q = q.where('d.status', '=', filter.status);
    if (filter.endpointId) q = q.where('d.endpoint_id', '=', filter.endpointId);
    if (filter.subjectId) q = q.where('d.subject_id', '=', filter.subjectId);
    if (filter.beforeId) q = q.where('d.id', '<', filter.beforeId);
    const rows = await q.orderBy('d.id', 'desc').limit(filter.limit).execute();
    return rows.map((r) => ({ ...r, payload: fromJson<OutboxPayload>(r.payload) }));
  },

  async countsByStatus(db: Executor, endpointId?: number): Promise<Record<DeliveryStatus, number>> {
    let q = db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('outbox_endpoints as e', 'e.id', 'd.endpoint_id')
      .select((eb) => ['d.status', eb.fn.countAll<number>().as('n')])
      .where('e.deleted_at', 'is', null)
      .groupBy('d.status');
    if (endpointId) q = q.where('d.endpoint_id', '=', endpointId);
    const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0 };
    for (const row of await q.execute()) counts[row.status] = Number(row.n);
    return counts;
  },

  async insertAttempt(db: Executor, row: Insertable<OutboxAttemptsTable>): Promise<void> {
    await db.insertInto('outbox_attempts').values(row).execute();
  },

  /** A delivery's attempts, oldest first. */
  async attemptsOf(db: Executor, deliveryId: number): Promise<DeliveryAttemptView[]> {
    const rows = await db
      .selectFrom('outbox_attempts')
      .selectAll()
      .where('delivery_id', '=', deliveryId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      attempt: r.attempt,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      result: r.result,
      httpStatus: r.http_status,
      error: r.error,
      durationMs: r.duration_ms,
      nextAttemptAt: r.next_attempt_at,
      leaseLost: Boolean(r.lease_lost),
      worker: r.worker,
    }));
  },

  /** Drops what a removed endpoint will never be sent (with its attempts); what it was sent stays. */
  async dropUndelivered(db: Executor, endpointId: number): Promise<number> {
    const undelivered = db
      .selectFrom('outbox_deliveries')
      .select('id')
      .where('endpoint_id', '=', endpointId)
      .where('status', '<>', 'delivered');
    await db.deleteFrom('outbox_attempts').where('delivery_id', 'in', undelivered).execute();
    const r = await db
      .deleteFrom('outbox_deliveries')
      .where('endpoint_id', '=', endpointId)
      .where('status', '<>', 'delivered')
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};

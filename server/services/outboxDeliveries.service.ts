import type { z } from 'zod';
import type { DeliveryAttemptView, DeliveryView, deliveryListInput, OutboxEventType } from '../../shared/api/outbox';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { outboxRepo } from '../db/repositories/outbox.repo';
import type { ServiceContext } from './serviceContext';

type ListInput = z.output<typeof deliveryListInput>;

function decodeCursor(cursor: string): number {
  if (/^\d{1,15}$/.test(cursor)) return Number(cursor);
  throw new DeskError('BAD_REQUEST', 'invalid_cursor', 'cursor is not one this server issued', { field: 'cursor' });
}

/** The deliveries page: newest first, filtered by status (pending, delivered, dead). */
export async function listDeliveries(ctx: ServiceContext, input: ListInput) {
  const rows = await outboxRepo.listDeliveries(ctx.db, {
    status: input.status,
    endpointId: input.endpointId,
    subjectId: input.subjectId,
    beforeId: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const items: DeliveryView[] = page.map((r) => {
    const payload = JSON.parse(r.payload) as { measure?: string };
    return {
      id: r.id,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      lastAttemptAt: r.last_attempt_at,
      lastStatus: r.last_status,
      lastError: r.last_error,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
      blocked: r.status === 'pending' && Boolean(r.blocked),
      endpoint: { id: r.endpoint_id, url: r.endpoint_url },
      message: {
        sequence: r.sequence,
        id: r.idempotency_key,
        type: r.type as OutboxEventType,
        subjectId: r.subject_id,
        caseId: r.case_id,
        measure: payload.measure ?? null,
      },
    };
  });
  return { items, nextCursor: rows.length > input.limit ? String(page.at(-1)?.id) : null };
}

/** Every HTTP attempt of one delivery, oldest first (kept with the outbox, not in the audit trail). */
export async function deliveryAttempts(ctx: ServiceContext, input: { id: number }): Promise<DeliveryAttemptView[]> {
  if (!(await outboxRepo.delivery(ctx.db, input.id))) throw notFound('outbox_delivery', input.id);
  return outboxRepo.attemptsOf(ctx.db, input.id);
}

export function deliveryCounts(ctx: ServiceContext) {
  return outboxRepo.countsByStatus(ctx.db);
}

/**
 * "Retry now": a dead delivery is re-queued with a fresh budget of attempts; a pending one
 * waiting out its back-off is made due at once. Either still waits its turn behind earlier
 * messages of its subject.
 */
export async function retryDelivery(ctx: ServiceContext, input: { id: number }): Promise<{ status: 'pending' }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const delivery = await outboxRepo.delivery(trx, input.id);
    if (!delivery) throw notFound('outbox_delivery', input.id);
    if (delivery.status === 'delivered') {
      throw new DeskError('CONFLICT', 'delivery_already_delivered', `delivery ${input.id} was delivered already`);
    }
    await outboxRepo.updateDelivery(trx, input.id, {
      status: 'pending',
      next_attempt_at: at,
      ...(delivery.status === 'dead' && { attempts: 0 }),
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'outbox.delivery_retried',
        target: { type: 'outbox_delivery', id: input.id },
        data: {
          previousStatus: delivery.status,
          attempts: delivery.attempts,
          messageId: delivery.message_id,
          endpointId: delivery.endpoint_id,
        },
      },
      now,
    );
    return { status: 'pending' as const };
  });
}

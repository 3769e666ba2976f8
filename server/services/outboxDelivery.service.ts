import type { Updateable } from 'kysely';
import type { Logger } from 'pino';
import { recordEvent, SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import { type ClaimedDelivery, outboxRepo } from '../db/repositories/outbox.repo';
import type { AttemptResult, OutboxDeliveriesTable } from '../db/tables/outbox.table';
import { retryDelayMs } from '../outbox/backoff';
import type { OutboxConfig } from '../outbox/outboxConfig';
import { sendWebhook, type WebhookOutcome } from '../outbox/sendWebhook';

export interface DeliveryDeps {
  db: Db;
  clock: Clock;
  logger?: Logger;
  /** Told, after commit, how long each message this worker delivered waited since it was written (s). */
  onDelivered?: (seconds: number) => void;
}

/**
 * One round of the delivery worker: lease what is due (at most one message per subject and
 * endpoint: the head of its line), send those concurrently, and settle each attempt in its own
 * short transaction, which records the attempt and, for an outcome (delivered, dead-lettered),
 * its audit event. Nothing is held open while waiting on a receiver — on
 * SQLite that would stall every other writer. Returns how many deliveries were attempted.
 */
export async function deliverDue(
  deps: DeliveryDeps,
  config: OutboxConfig,
  owner: string,
  shutdown: AbortSignal,
): Promise<number> {
  const now = deps.clock.now();
  const claimed = await outboxRepo.claimDue(deps.db, {
    owner,
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + config.leaseMs).toISOString(),
    limit: config.batchSize,
    skipLocked: isPostgres(deps.db),
  });
  await Promise.all(claimed.map((d) => deliverOne(deps, config, owner, d, shutdown)));
  return claimed.length;
}

async function deliverOne(
  deps: DeliveryDeps,
  config: OutboxConfig,
  owner: string,
  claimed: ClaimedDelivery,
  shutdown: AbortSignal,
) {
  const [message, endpoint] = await Promise.all([
    outboxRepo.message(deps.db, claimed.message_id),
    outboxRepo.endpoint(deps.db, claimed.endpoint_id),
  ]);
  if (!message) throw new Error(`outbox message ${claimed.message_id} is missing`);
  const started = Date.now();
  const startedAt = deps.clock.now();
  let outcome: WebhookOutcome;
  if (!endpoint?.enabled) {
    // Disabled or removed since it was claimed: give the attempt back.
    outcome = { kind: 'interrupted' };
  } else {
    const { id, ...rest } = JSON.parse(message.payload) as { id: string };
    outcome = await sendWebhook({
      url: endpoint.url,
      secret: endpoint.secret,
      body: JSON.stringify({ id, sequence: message.id, ...rest }),
      headers: {
        'Verdict-Event': message.type,
        'Verdict-Idempotency-Key': message.idempotency_key,
        'Verdict-Delivery': String(claimed.id),
        'Verdict-Attempt': String(claimed.attempts),
      },
      timeoutMs: config.timeoutMs,
      addresses: config.addresses,
      shutdown,
    });
  }
  const finished = deps.clock.now();
  const at = finished.toISOString();
  let changes: Updateable<OutboxDeliveriesTable>;
  let result: AttemptResult;
  let nextAttemptAt: string | null = null;
  if (outcome.kind === 'delivered') {
    result = 'delivered';
    changes = { status: 'delivered', delivered_at: at, last_status: outcome.status, last_error: null };
  } else if (outcome.kind === 'interrupted') {
    result = 'interrupted';
    changes = { attempts: claimed.attempts - 1, next_attempt_at: at };
  } else if (claimed.attempts >= config.maxAttempts) {
    result = 'dead';
    changes = { status: 'dead', last_status: outcome.status, last_error: outcome.error };
  } else {
    result = 'retry';
    nextAttemptAt = new Date(finished.getTime() + retryDelayMs(config, claimed.attempts)).toISOString();
    changes = { next_attempt_at: nextAttemptAt, last_status: outcome.status, last_error: outcome.error };
  }
  const httpStatus = outcome.kind === 'interrupted' ? null : outcome.status;
  const error = outcome.kind === 'failed' ? outcome.error : null;
  const settled = await deps.db.transaction().execute(async (trx) => {
    const settled = await outboxRepo.settle(trx, claimed.id, owner, changes);
    // Every attempt is kept with the outbox; the audit trail records outcomes only (below).
    await outboxRepo.insertAttempt(trx, {
      delivery_id: claimed.id,
      attempt: claimed.attempts,
      worker: owner,
      started_at: startedAt.toISOString(),
      finished_at: at,
      result,
      http_status: httpStatus,
      error,
      duration_ms: Date.now() - started,
      next_attempt_at: nextAttemptAt,
      // Another worker took the delivery over (this one overran its lease): its result stands.
      lease_lost: settled ? 0 : 1,
    });
    if (!settled || (result !== 'delivered' && result !== 'dead')) return settled;
    await recordEvent(
      trx,
      SYSTEM_ACTOR,
      {
        action: result === 'delivered' ? 'outbox.delivery_succeeded' : 'outbox.delivery_dead_lettered',
        target: { type: 'outbox_delivery', id: claimed.id },
        data: {
          messageId: message.id,
          key: message.idempotency_key,
          type: message.type,
          subjectId: message.subject_id,
          endpointId: claimed.endpoint_id,
          url: endpoint?.url ?? null,
          attempts: claimed.attempts,
          httpStatus,
          error,
        },
      },
      finished,
    );
    return settled;
  });
  if (settled && result === 'delivered')
    deps.onDelivered?.((finished.getTime() - Date.parse(message.created_at)) / 1000);
  if (result === 'dead')
    deps.logger?.warn({ delivery: claimed.id, url: endpoint?.url }, 'outbox delivery dead-lettered');
}

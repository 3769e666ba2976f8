import type { Transaction } from 'kysely';
import type { OutboxEventType } from '../../shared/api/outbox';
import { DEFAULT_PLATFORM, type PlatformId } from '../../shared/rulebook/platforms';
import type { Database } from '../db/database';
import { outboxRepo } from '../db/repositories/outbox.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { lockOutboxAppends } from './appendLock';

/** A message as its writer describes it; the envelope fields are added here. */
export interface NewOutboxMessage {
  type: OutboxEventType;
  /** From idempotencyKey(): the same change always gives the same key. */
  key: string;
  subjectId: string;
  caseId: number | null;
  /** The platform, when the message is about one rather than a stored subject (`rulebook.published`). */
  platform?: PlatformId;
  /** Type-specific fields (measure, scope, from/until, rule…). */
  body: Record<string, unknown>;
}

/**
 * Writes one message in the caller's transaction — it commits or rolls back with the change it
 * describes — and queues it for every endpoint subscribed to its type (a paused one's wait). A message whose key
 * is already stored is left alone (returns null): the change was announced before.
 */
export async function recordOutbox(
  trx: Transaction<Database>,
  message: NewOutboxMessage,
  at: Date,
): Promise<{ sequence: number } | null> {
  await lockOutboxAppends(trx);
  const createdAt = at.toISOString();
  // Receivers serving several platforms route by it (a Kuaishou shop's measures go to Kuaishou).
  const platform = message.platform ?? (await subjectsRepo.platformOf(trx, message.subjectId)) ?? DEFAULT_PLATFORM;
  const payload = {
    id: message.key,
    type: message.type,
    occurredAt: createdAt,
    subject: { id: message.subjectId, platform },
    caseId: message.caseId,
    ...message.body,
  };
  const sequence = await outboxRepo.insertMessageIfAbsent(trx, {
    idempotency_key: message.key,
    type: message.type,
    subject_id: message.subjectId,
    case_id: message.caseId,
    payload,
    created_at: createdAt,
  });
  if (sequence === null) return null;
  for (const endpoint of await outboxRepo.endpointsFor(trx, message.type)) {
    await outboxRepo.insertDelivery(trx, {
      message_id: sequence,
      endpoint_id: endpoint.id,
      subject_id: message.subjectId,
      status: 'pending',
      next_attempt_at: createdAt,
      created_at: createdAt,
    });
  }
  return { sequence };
}

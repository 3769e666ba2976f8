import { createHash } from 'node:crypto';
import type { OutboxEventType } from '../../shared/api/outbox';

/**
 * The idempotency key of a message: its type and a digest of what it describes (subject,
 * scope, measure, span, and what caused it), never of when or by whom it was written. A retried
 * transaction or a second instance describing the same change computes the same key, and the
 * unique constraint on it turns the second write into a no-op.
 */
export function idempotencyKey(type: OutboxEventType, describes: readonly (string | number | null)[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([type, ...describes]))
    .digest('hex');
  return `${type}:${digest.slice(0, 40)}`;
}

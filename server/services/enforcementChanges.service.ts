import type { z } from 'zod';
import type { enforcementChangesInput, OutboxMessage } from '../../shared/api/outbox';
import { DeskError } from '../../shared/errors/deskError';
import type { Executor } from '../db/database';
import { outboxRepo } from '../db/repositories/outbox.repo';

const CURSOR_PREFIX = 'seq:';

/** Opaque to integrators (so it can change shape), a message sequence inside. */
export function encodeChangesCursor(sequence: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${sequence}`).toString('base64url');
}

function decodeChangesCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sequence = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new DeskError('BAD_REQUEST', 'invalid_cursor', 'cursor is not one this server issued', { field: 'cursor' });
  }
  return sequence;
}

/**
 * `enforcement.changes`: every outbox message after the cursor, in sequence (= commit) order —
 * the same messages the webhooks carry, for integrators that poll instead. A keyset read, so
 * paging costs the same at any depth; an empty page returns the cursor it was given.
 */
export async function enforcementChanges(db: Executor, input: z.output<typeof enforcementChangesInput>) {
  const after = input.cursor ? decodeChangesCursor(input.cursor) : 0;
  const rows = await outboxRepo.messagesAfter(db, after, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const items = page.map((r) => {
    const { id, ...rest } = r.payload;
    return { id, sequence: r.id, ...rest } as OutboxMessage;
  });
  return {
    items,
    nextCursor: encodeChangesCursor(page.at(-1)?.id ?? after),
    hasMore: rows.length > input.limit,
  };
}

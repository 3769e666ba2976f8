import type { Executor } from '../db/database';
import { auditEventsRepo } from '../db/repositories/auditEvents.repo';
import type { Anchor } from './anchors';
import { canonicalEvent } from './auditHash';
import { LocatorState, leafOf } from './rowLocator';

const WINDOW = 5000;

/**
 * An anchor of the current head: its seq and hash, and the row locator through it. The locator
 * continues the previous anchor's when there is one (kept outside the database, so it still
 * holds the rows as they were then), reading only the rows after it; otherwise it reads the
 * whole trail once. Null for an empty trail.
 */
export async function takeAnchor(db: Executor, previous: Anchor | undefined, at: Date): Promise<Anchor | null> {
  const head = await auditEventsRepo.head(db);
  if (!head) return null;
  const base = previous?.locator && previous.seq <= head.seq ? previous : undefined;
  const state = new LocatorState(base?.locator);
  let after = base?.seq ?? 0;
  while (after < head.seq) {
    const rows = await auditEventsRepo.page(
      db,
      { afterSeq: after, throughSeq: Math.min(after + WINDOW, head.seq) },
      WINDOW,
    );
    for (const row of rows) state.add(row.seq, leafOf(canonicalEvent(row)));
    after = Math.min(after + WINDOW, head.seq);
  }
  return { at: at.toISOString(), seq: head.seq, hash: head.hash, locator: state.snapshot() };
}

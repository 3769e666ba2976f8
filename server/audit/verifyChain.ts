import type { Executor } from '../db/database';
import { auditEventsRepo } from '../db/repositories/auditEvents.repo';
import type { Anchor } from './anchors';
import { canonicalEvent, chainHash, GENESIS_HASH } from './auditHash';
import { LocatorState, leafOf, locateEditedRow } from './rowLocator';

export type ChainBreak = 'gap' | 'altered' | 'truncated' | 'anchor_mismatch';

export interface ChainVerification {
  ok: boolean;
  count: number;
  /** Hash of the last row that verified (the genesis hash for an empty chain). */
  head: string;
  /**
   * The first sequence number that cannot be vouched for; every row before it verified.
   * Exact for an edited or deleted row. For a chain recomputed after tampering, exact too when
   * a single row was rewritten and the anchor carries a row locator; otherwise the anchors only
   * bound it: it is the row after the last anchor that still matched.
   */
  firstBad?: number;
  reason?: ChainBreak;
  anchors: { checked: number; lastSeq: number | null };
}

/**
 * Re-computes the whole chain in batches, so memory stays constant, and checks
 * it against the anchors (head hashes kept outside the database) when there are any.
 */
export async function verifyChain(
  db: Executor,
  options: { anchors?: readonly Anchor[]; batchSize?: number } = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 5000;
  const anchors = new Map((options.anchors ?? []).map((a) => [a.seq, a]));
  // Only anchors with a locator need each row's own digest: skip the extra hash otherwise.
  const locator = options.anchors?.some((a) => a.locator) ? new LocatorState() : null;
  const lastAnchorSeq = anchors.size ? [...anchors.keys()].reduce((a, b) => Math.max(a, b)) : null;
  const summary = (checked: number) => ({ checked, lastSeq: lastAnchorSeq });

  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let checked = 0;
  let lastGoodAnchor = 0;
  const broken = (firstBad: number, reason: ChainBreak) =>
    ({ ok: false, count, head: prevHash, firstBad, reason, anchors: summary(checked) }) as const;
  // The chain as of now; rows appended while we verify are left for the next check. Windows
  // of sequence numbers, not "the next n rows", keep every planner on the primary key.
  const throughSeq = (await auditEventsRepo.head(db))?.seq ?? 0;
  while (expectedSeq <= throughSeq) {
    const windowEnd = Math.min(expectedSeq - 1 + batchSize, throughSeq);
    const rows = await auditEventsRepo.page(db, { afterSeq: expectedSeq - 1, throughSeq: windowEnd }, batchSize);
    // A whole window missing below the head: rows were deleted.
    if (rows.length === 0) return broken(expectedSeq, 'gap');
    for (const row of rows) {
      // A gap means a deleted row; a mismatch means an edited one (or one after a deletion).
      if (row.seq !== expectedSeq) return broken(expectedSeq, 'gap');
      const canonical = canonicalEvent(row);
      if (row.prev_hash !== prevHash || chainHash(prevHash, canonical) !== row.hash)
        return broken(expectedSeq, 'altered');
      locator?.add(row.seq, leafOf(canonical));
      const anchored = anchors.get(row.seq);
      if (anchored !== undefined) {
        checked += 1;
        // The chain is consistent but not the one anchored: rewritten from some row after the
        // last anchor that matched; the locator names it when a single row was rewritten.
        if (anchored.hash !== row.hash) {
          const edited = anchored.locator && locator ? locateEditedRow(anchored.locator, locator.snapshot()) : null;
          const exact = edited !== null && edited > lastGoodAnchor && edited <= row.seq;
          return broken(exact ? edited : lastGoodAnchor + 1, 'anchor_mismatch');
        }
        lastGoodAnchor = row.seq;
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
  // Rows an anchor has seen are gone from the end.
  if (lastAnchorSeq !== null && lastAnchorSeq > count)
    return { ok: false, count, head: prevHash, firstBad: count + 1, reason: 'truncated', anchors: summary(checked) };
  return { ok: true, count, head: prevHash, anchors: summary(checked) };
}

import type { Logger } from 'pino';
import { appendAnchor, readAnchors } from '../audit/anchors';
import { takeAnchor } from '../audit/takeAnchor';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { auditEventsRepo } from '../db/repositories/auditEvents.repo';
import { verifyAuditTrail } from '../services/audit.service';

export interface AuditMonitorOptions {
  /** How often the whole chain is re-verified; 0 turns the check off. */
  verifyIntervalMs: number;
  /** How often the head hash is written to the anchor file; 0 turns anchoring off. */
  anchorIntervalMs: number;
  anchorFile: string | null;
}

/**
 * The server's watch over its own trail: re-verifies the chain on a timer (an error log line
 * when it breaks) and appends the head hash to the anchor file, so truncation of the tail or a
 * recomputed chain is caught later. Ticks never overlap; stop() waits for a running one.
 */
export function startAuditMonitor(
  deps: { db: Db; clock: Clock; logger: Logger; onVerified?: (ok: boolean, at: Date) => void },
  options: AuditMonitorOptions,
) {
  let verifying: Promise<void> | null = null;
  let anchoring: Promise<void> | null = null;
  let lastAnchoredSeq: number | undefined;

  const verify = async () => {
    const result = await verifyAuditTrail(deps, options.anchorFile);
    deps.onVerified?.(result.ok, deps.clock.now());
    if (result.ok) deps.logger.debug({ count: result.count, head: result.head }, 'audit trail verified');
    else if (result.firstBad !== undefined)
      deps.logger.error(
        { firstBad: result.firstBad, reason: result.reason, count: result.count },
        `audit trail verification failed at seq ${result.firstBad} (${result.reason})`,
      );
    else
      deps.logger.error(
        { mismatchCount: result.mismatchCount, mismatches: result.mismatches.slice(0, 10) },
        `business tables differ from the audit trail in ${result.mismatchCount} place(s)`,
      );
  };

  const anchor = async () => {
    const file = options.anchorFile;
    if (!file) return;
    const head = await auditEventsRepo.head(deps.db);
    // Nothing new since the last anchor: another line would prove nothing more.
    if (!head || head.seq === lastAnchoredSeq) return;
    const previous = (await readAnchors(file)).at(-1);
    if (head.seq === previous?.seq) {
      lastAnchoredSeq = head.seq;
      return;
    }
    const next = await takeAnchor(deps.db, previous, deps.clock.now());
    if (!next) return;
    await appendAnchor(file, next);
    lastAnchoredSeq = next.seq;
  };

  const timers: NodeJS.Timeout[] = [];
  if (options.verifyIntervalMs > 0) {
    const timer = setInterval(() => {
      verifying ??= verify()
        .catch((err) => deps.logger.error({ err }, 'audit trail verification could not run'))
        .finally(() => {
          verifying = null;
        });
    }, options.verifyIntervalMs);
    timer.unref();
    timers.push(timer);
  }
  if (options.anchorIntervalMs > 0 && options.anchorFile) {
    const timer = setInterval(() => {
      anchoring ??= anchor()
        .catch((err) => deps.logger.error({ err, file: options.anchorFile }, 'audit anchor could not be written'))
        .finally(() => {
          anchoring = null;
        });
    }, options.anchorIntervalMs);
    timer.unref();
    timers.push(timer);
  }

  return {
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.all([verifying, anchoring]);
    },
  };
}

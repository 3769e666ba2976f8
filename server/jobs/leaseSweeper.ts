import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { ChangeBus } from '../events/changeBus';
import { expireLeases } from '../services/assignment.service';

/**
 * Returns cases whose lease ran out to their queue. queue.next already treats an expired
 * lease as claimable; the sweep makes queue views and assignees' lists say so too.
 */
export function startLeaseSweeper(deps: { db: Db; clock: Clock; bus: ChangeBus; logger: Logger }, intervalMs = 30_000) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = expireLeases({ ...deps, audit: SYSTEM_ACTOR })
      .then((n) => {
        if (n) deps.logger.info({ expired: n }, 'case leases expired');
      })
      .catch((err) => deps.logger.error({ err }, 'lease sweep failed'));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

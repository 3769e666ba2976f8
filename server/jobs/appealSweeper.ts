import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { ChangeBus } from '../events/changeBus';
import { closeExpiredAppeals } from '../services/appealExpiry.service';

/** Makes records final when their appeal window or evidence deadline passes. */
export function startAppealSweeper(
  deps: { db: Db; clock: Clock; bus: ChangeBus; logger: Logger },
  intervalMs = 60_000,
) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = closeExpiredAppeals({ ...deps, audit: SYSTEM_ACTOR })
      .then((n) => {
        if (n) deps.logger.info({ finalised: n }, 'appeal windows closed');
      })
      .catch((err) => deps.logger.error({ err }, 'appeal sweep failed'));
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

import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { ChangeBus } from '../events/changeBus';
import { endDueMeasures } from '../services/enforcementExpiry.service';

/** Ends punishments and demotions at their `until` (measure.ended), every `intervalMs`. */
export function startEnforcementScheduler(
  deps: { db: Db; clock: Clock; bus: ChangeBus; logger: Logger },
  intervalMs: number,
) {
  let running: Promise<void> | null = null;
  const tick = () => {
    // A slow round is not overlapped by the next one (a concurrent one would be harmless, only wasted).
    running ??= endDueMeasures({ ...deps, audit: SYSTEM_ACTOR })
      .then((n) => {
        if (n) deps.logger.info({ ended: n }, 'measures ended');
      })
      .catch((err) => deps.logger.error({ err }, 'enforcement schedule failed'))
      .finally(() => {
        running = null;
      });
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

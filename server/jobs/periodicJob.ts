import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { ChangeBus } from '../events/changeBus';
import type { Rulebooks } from '../rulebooks';
import type { ServiceContext } from '../services/serviceContext';

export type JobDeps = { db: Db; clock: Clock; rulebooks: Rulebooks; bus: ChangeBus; logger: Logger };

/**
 * Runs a system use case every `intervalMs`, as the system actor, logging what it changed.
 * A slow round is never overlapped by the next one (a concurrent one would be harmless: each
 * use case guards its changes by version or idempotency key; it would only be wasted work).
 * `stop` waits for a round in progress.
 */
export function startPeriodicJob(
  deps: JobDeps,
  job: { name: string; intervalMs: number; run(ctx: ServiceContext): Promise<number>; changed: string },
) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= job
      .run({ ...deps, audit: SYSTEM_ACTOR })
      .then((n) => {
        if (n) deps.logger.info({ [job.changed]: n }, `${job.name}: ${n} ${job.changed}`);
      })
      .catch((err) => deps.logger.error({ err }, `${job.name} failed`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, job.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

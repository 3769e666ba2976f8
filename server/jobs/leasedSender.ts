import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';

/**
 * A sender that drains what is due (webhook deliveries, DSA statements): another round right
 * away while the last one found work, otherwise every `pollMs`. Each instance leases under its
 * own name (`owner`), so several can run against one PostgreSQL database without sending
 * anything twice. stop() aborts what is in flight (its attempts are given back) and waits for
 * the round to settle.
 */
export function startLeasedSender(options: {
  logger: Logger;
  pollMs: number;
  /** What a failed round is logged as. */
  failure: string;
  /** Sends one batch of what is due; how many it sent (0: nothing was due). */
  sendDue(owner: string, signal: AbortSignal): Promise<number>;
}) {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const shutdown = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    while (!stopped) {
      if ((await options.sendDue(owner, shutdown.signal)) === 0) return;
    }
  };
  const tick = () => {
    running = round()
      .catch((err) => options.logger.error({ err }, options.failure))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, options.pollMs);
        timer.unref();
      });
  };
  timer = setTimeout(tick, 0);
  timer.unref();

  return {
    owner,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      shutdown.abort();
      await running;
    },
  };
}

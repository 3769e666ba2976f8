import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { OutboxConfig } from '../outbox/outboxConfig';
import { type DeliveryDeps, deliverDue } from '../services/outboxDelivery.service';

/**
 * Sends due webhook deliveries: a round right away while the last one found work, otherwise
 * every `pollMs`. Each instance leases under its own name, so several can run against one
 * PostgreSQL database. stop() aborts requests in flight (their attempts are given back) and
 * waits for the round to settle.
 */
export function startOutboxWorker(deps: DeliveryDeps & { logger: Logger }, config: OutboxConfig) {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const shutdown = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    while (!stopped) {
      const sent = await deliverDue(deps, config, owner, shutdown.signal);
      if (sent === 0) return;
    }
  };
  const tick = () => {
    running = round()
      .catch((err) => deps.logger.error({ err }, 'outbox delivery round failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, config.pollMs);
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

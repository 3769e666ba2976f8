import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { DsaConfig } from '../outbox/dsaConfig';
import { type DsaDeliveryDeps, type DsaDeliverySettings, submitDue } from '../services/dsaDelivery.service';

/**
 * Sends due statements of reasons to the DSA Transparency Database: another call right away
 * while the last one found work (a backlog drains 100 at a time), otherwise every `pollMs`. Each
 * instance leases under its own name, so several can run against one PostgreSQL database
 * without sending a statement twice. stop() aborts a call in flight (its attempts are given back)
 * and waits for the round to settle.
 */
export function startDsaSubmitter(
  deps: DsaDeliveryDeps & { logger: Logger },
  dsa: DsaConfig,
  settings: DsaDeliverySettings & { pollMs: number },
) {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const shutdown = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    while (!stopped) {
      const sent = await submitDue(deps, dsa, settings, owner, shutdown.signal);
      if (sent === 0) return;
    }
  };
  const tick = () => {
    running = round()
      .catch((err) => deps.logger.error({ err }, 'DSA submission round failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, settings.pollMs);
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

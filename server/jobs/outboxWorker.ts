import type { Logger } from 'pino';
import type { OutboxConfig } from '../outbox/outboxConfig';
import { type DeliveryDeps, deliverDue } from '../services/outboxDelivery.service';
import { startLeasedSender } from './leasedSender';

/** Sends due webhook deliveries (a leased sender). */
export function startOutboxWorker(deps: DeliveryDeps & { logger: Logger }, config: OutboxConfig) {
  return startLeasedSender({
    logger: deps.logger,
    pollMs: config.pollMs,
    failure: 'outbox delivery round failed',
    sendDue: (owner, signal) => deliverDue(deps, config, owner, signal),
  });
}

import type { Logger } from 'pino';
import type { DsaConfig } from '../outbox/dsaConfig';
import { type DsaDeliveryDeps, type DsaDeliverySettings, submitDue } from '../services/dsaDelivery.service';
import { startLeasedSender } from './leasedSender';

/** Sends due statements of reasons to the DSA Transparency Database, 100 a call (a leased sender). */
export function startDsaSubmitter(
  deps: DsaDeliveryDeps & { logger: Logger },
  dsa: DsaConfig,
  settings: DsaDeliverySettings & { pollMs: number },
) {
  return startLeasedSender({
    logger: deps.logger,
    pollMs: settings.pollMs,
    failure: 'DSA submission round failed',
    sendDue: (owner, signal) => submitDue(deps, dsa, settings, owner, signal),
  });
}

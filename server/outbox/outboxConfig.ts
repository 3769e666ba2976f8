import { type OutboxAddressPolicy, parseAllowHosts } from './addressPolicy';
import type { BackoffPolicy } from './backoff';

/** The delivery worker's and the end scheduler's settings (README "Configuration"). */
export interface OutboxConfig extends BackoffPolicy {
  /** How often the worker looks for due deliveries when the last look found none. */
  pollMs: number;
  /** Attempts before a delivery is dead-lettered (it then waits for "retry now"). */
  maxAttempts: number;
  /** How long one HTTP attempt may take. */
  timeoutMs: number;
  /** How long a claimed delivery stays with its worker; longer than the timeout, so a live
   * worker always gives up before another may take the delivery over. */
  leaseMs: number;
  /** Deliveries claimed per round (sent concurrently, at most one per subject and endpoint). */
  batchSize: number;
  /** How often the scheduler looks for measures whose end is due. */
  schedulerMs: number;
  /** `0` turns the worker and the scheduler off in this instance (another one runs them). */
  enabled: boolean;
  /** Where webhooks may go: public addresses, plus what `DESK_OUTBOX_ALLOW_HOSTS` names. */
  addresses: OutboxAddressPolicy;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  const n = Number(raw ?? fallback);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
  return n;
}

export function loadOutboxConfig(env: NodeJS.ProcessEnv): OutboxConfig {
  const timeoutMs = number(env, 'DESK_OUTBOX_TIMEOUT_MS', 10_000, 1);
  const leaseMs = number(env, 'DESK_OUTBOX_LEASE_MS', timeoutMs + 20_000, 1);
  if (leaseMs <= timeoutMs) throw new Error('DESK_OUTBOX_LEASE_MS must be longer than DESK_OUTBOX_TIMEOUT_MS');
  return {
    pollMs: number(env, 'DESK_OUTBOX_POLL_MS', 1000, 1),
    maxAttempts: number(env, 'DESK_OUTBOX_MAX_ATTEMPTS', 12, 1),
    baseDelayMs: number(env, 'DESK_OUTBOX_BASE_DELAY_MS', 2000, 1),
    maxDelayMs: number(env, 'DESK_OUTBOX_MAX_DELAY_MS', 3_600_000, 1),
    timeoutMs,
    leaseMs,
    batchSize: number(env, 'DESK_OUTBOX_BATCH', 20, 1),
    schedulerMs: number(env, 'DESK_OUTBOX_SCHEDULER_MS', 30_000, 1),
    enabled: env.DESK_OUTBOX !== '0',
    addresses: parseAllowHosts(env.DESK_OUTBOX_ALLOW_HOSTS),
  };
}

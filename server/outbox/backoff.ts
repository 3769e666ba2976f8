/** Retry timing of deliveries (docs/OUTBOX.md "Retries"). */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before attempt `attempt + 1`, after `attempt` failed: exponential (base, 2×base, 4×base…,
 * capped), with "equal jitter" — half fixed, half random — so a receiver that comes back up is
 * not hit by every stalled delivery in the same instant, while no retry comes sooner than half
 * its step.
 */
export function retryDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../server/outbox/backoff';

describe('retry back-off', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };

  it('doubles per attempt up to the cap, with half of each step fixed and half random', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy, a, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy, a, () => 0.999_999))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(policy, 30, () => 0.5)).toBe(45_000);
  });

  it('spreads retries that fail together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(policy, 5)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(8000);
  });
});

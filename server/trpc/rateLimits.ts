import { TRPCError } from '@trpc/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitConfig {
  /** Sign-in attempts per client IP per 5 minutes. */
  loginPer5Min: number;
  /** Reports per second per integration token or staff member. */
  intakePerSecond: number;
}

export interface RateLimits {
  login: RateLimiterMemory;
  intake: RateLimiterMemory;
}

/**
 * Request budgets per client. In memory, so per server instance: with N instances behind a
 * balancer the effective budget is N times this (the per-account lockout in the database
 * is what holds across instances).
 */
export function createRateLimits(config: RateLimitConfig): RateLimits {
  return {
    login: new RateLimiterMemory({ keyPrefix: 'login', points: config.loginPer5Min, duration: 300 }),
    intake: new RateLimiterMemory({ keyPrefix: 'intake', points: config.intakePerSecond, duration: 1 }),
  };
}

export async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `too many requests; retry in ${Math.ceil(err.msBeforeNext / 1000)} s`,
      });
    }
    throw err;
  }
}

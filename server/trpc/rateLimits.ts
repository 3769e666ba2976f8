import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DeskError } from '../../shared/errors/deskError';

export interface RateLimitConfig {
  /** Sign-in attempts per client IP per 5 minutes. */
  loginPer5Min: number;
  /** Reports per second per integration token or staff member. */
  intakePerSecond: number;
  /** Calls per minute per staff member of what reads a whole table (audit verify, exports, dashboards). */
  expensivePerMinute?: number;
}

export interface RateLimits {
  login: RateLimiterAbstract;
  intake: RateLimiterAbstract;
  expensive: RateLimiterAbstract;
}

const LOGIN_WINDOW_SECONDS = 300;
export const DEFAULT_EXPENSIVE_PER_MINUTE = 30;

/**
 * Request budgets per client.
 *
 * Sign-in attempts per IP are what holds a password guesser back, so on PostgreSQL, where
 * several instances may serve one desk, their budget lives in the database (`rate_limits`),
 * shared by every instance: N instances do not give a guesser N times the attempts. Should the
 * database fail, each instance falls back to its own in-memory budget rather than letting
 * attempts through unmetered. A single SQLite instance keeps the budget in memory.
 *
 * Intake stays in memory per instance: it is a per-second budget on trusted integrations, and
 * a database write for each report would cost more than the budget protects.
 */
export function createRateLimits(config: RateLimitConfig, pgPool?: pg.Pool): RateLimits {
  const loginInMemory = new RateLimiterMemory({
    keyPrefix: 'login',
    points: config.loginPer5Min,
    duration: LOGIN_WINDOW_SECONDS,
  });
  return {
    login: pgPool
      ? new RateLimiterPostgres({
          storeClient: pgPool,
          storeType: 'pool',
          tableName: 'rate_limits',
          tableCreated: true,
          // Expired rows are swept by a job that stops with the server (jobs/rateLimitSweeper.ts).
          clearExpiredByTimeout: false,
          keyPrefix: 'login',
          points: config.loginPer5Min,
          duration: LOGIN_WINDOW_SECONDS,
          insuranceLimiter: loginInMemory,
        })
      : loginInMemory,
    intake: new RateLimiterMemory({ keyPrefix: 'intake', points: config.intakePerSecond, duration: 1 }),
    // Per instance, in memory like intake: it stops one person holding the server with
    // repeated whole-chain verifies or exports, which needs no cross-instance precision.
    expensive: new RateLimiterMemory({
      keyPrefix: 'expensive',
      points: config.expensivePerMinute ?? DEFAULT_EXPENSIVE_PER_MINUTE,
      duration: 60,
    }),
  };
}

/** Spends one unit of `key`'s budget; past it, `TOO_MANY_REQUESTS` with reason `rate_limited`. */
export async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.ceil(err.msBeforeNext / 1000);
      throw new DeskError('TOO_MANY_REQUESTS', 'rate_limited', `too many requests; retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
    throw err;
  }
}

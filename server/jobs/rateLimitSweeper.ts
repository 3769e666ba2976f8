import { rateLimitsRepo } from '../db/repositories/rateLimits.repo';
import { type JobDeps, startPeriodicJob } from './periodicJob';

const HOUR = 3_600_000;

/**
 * Deletes the shared sign-in budgets (PostgreSQL's `rate_limits`) whose window ended an hour
 * ago, so the table holds only addresses seen lately. The rate limiter writes its windows in
 * real time (`Date.now()`), not the desk's clock, so the sweep compares against real time too.
 * It runs here rather than on the limiter's own timer so that it stops with the server.
 */
export function startRateLimitSweeper(deps: JobDeps, intervalMs = 5 * 60_000) {
  return startPeriodicJob(deps, {
    name: 'rate limit sweep',
    intervalMs,
    run: (ctx) => sweepRateLimits(ctx.db, Date.now()),
    changed: 'expired budgets',
  });
}

export function sweepRateLimits(db: JobDeps['db'], nowMs: number): Promise<number> {
  return rateLimitsRepo.deleteExpired(db, nowMs - HOUR);
}

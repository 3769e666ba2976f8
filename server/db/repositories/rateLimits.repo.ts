import type { Executor } from '../database';

export const rateLimitsRepo = {
  /** Budgets whose window ended before `beforeMs` (ms since the epoch); returns how many. */
  async deleteExpired(db: Executor, beforeMs: number): Promise<number> {
    const result = await db.deleteFrom('rate_limits').where('expire', '<', beforeMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

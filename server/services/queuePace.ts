import type { QueuePace } from '../../shared/cases/sla';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';

/** Pace is measured over the last week: long enough to smooth a day off, short enough to react. */
export const PACE_WINDOW_DAYS = 7;

/**
 * Counting every open case per queue costs O(open cases); the forecast it feeds moves slowly,
 * so each server keeps the answer briefly (DESK_PACE_CACHE_SECONDS, 0 to turn off).
 */
let cacheTtlMs = 15_000;
const cache = new WeakMap<object, { at: number; paces: Map<string | null, QueuePace> }>();

export function setPaceCacheTtl(ms: number): void {
  cacheTtlMs = ms;
}

/** Open cases and closing pace of every queue (key `null` for unrouted cases). */
export async function queuePaces(db: Executor, now: Date): Promise<Map<string | null, QueuePace>> {
  const hit = cache.get(db);
  if (hit && cacheTtlMs > 0 && Date.now() - hit.at < cacheTtlMs) return hit.paces;
  const since = new Date(now.getTime() - PACE_WINDOW_DAYS * 86_400_000).toISOString();
  const { open, closed } = await casesRepo.queueLoad(db, since);
  const paces = new Map<string | null, QueuePace>();
  for (const row of open) paces.set(row.queue, { open: Number(row.n), closedPerDay: 0 });
  for (const row of closed) {
    const pace = paces.get(row.queue) ?? { open: 0, closedPerDay: 0 };
    pace.closedPerDay = Number(row.n) / PACE_WINDOW_DAYS;
    paces.set(row.queue, pace);
  }
  if (cacheTtlMs > 0) cache.set(db, { at: Date.now(), paces });
  return paces;
}

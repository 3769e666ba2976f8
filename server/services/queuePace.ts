import type { QueuePace } from '../../shared/cases/sla';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';

/** Pace is measured over the last week: long enough to smooth a day off, short enough to react. */
export const PACE_WINDOW_DAYS = 7;

/**
 * Counting every open case per queue costs O(open cases) (about 0.3 s at a million); the
 * forecast it feeds moves slowly, so each server keeps the answer briefly
 * (DESK_PACE_CACHE_SECONDS, 0 to turn off).
 */
let cacheTtlMs = 15_000;
/**
 * Once the answer is older than the time to live, the next caller starts one recount and is
 * served the old answer meanwhile, as everyone is until the recount lands: no request waits on
 * the count, and an expiry does not send every reviewer's request to count at once. An answer
 * older than this many times the time to live is not served; its caller waits for the recount.
 */
const STALE_SERVED_FOR_TTLS = 10;

type Paces = Map<string | null, QueuePace>;
const cache = new WeakMap<object, { at: number; paces: Paces }>();
const recounting = new WeakMap<object, Promise<Paces>>();

export function setPaceCacheTtl(ms: number): void {
  cacheTtlMs = ms;
}

/** Open cases and closing pace of every queue (key `null` for unrouted cases). */
export async function queuePaces(db: Executor, now: Date): Promise<Paces> {
  if (cacheTtlMs <= 0) return countPaces(db, now);
  const hit = cache.get(db);
  const age = hit ? Date.now() - hit.at : Number.POSITIVE_INFINITY;
  if (hit && age < cacheTtlMs) return hit.paces;
  const recount = recounting.get(db) ?? startRecount(db, now);
  if (hit && age < cacheTtlMs * STALE_SERVED_FOR_TTLS) {
    // Whoever waits for the recount hears of its failure; the stale answer's callers need not.
    recount.catch(() => {});
    return hit.paces;
  }
  return recount;
}

function startRecount(db: Executor, now: Date): Promise<Paces> {
  const recount = countPaces(db, now)
    .then((paces) => {
      cache.set(db, { at: Date.now(), paces });
      return paces;
    })
    .finally(() => recounting.delete(db));
  recounting.set(db, recount);
  return recount;
}

async function countPaces(db: Executor, now: Date): Promise<Paces> {
  const since = new Date(now.getTime() - PACE_WINDOW_DAYS * 86_400_000).toISOString();
  const { open, closed } = await casesRepo.queueLoad(db, since);
  const paces: Paces = new Map();
  for (const row of open) paces.set(row.queue, { open: Number(row.n), closedPerDay: 0 });
  for (const row of closed) {
    const pace = paces.get(row.queue) ?? { open: 0, closedPerDay: 0 };
    pace.closedPerDay = Number(row.n) / PACE_WINDOW_DAYS;
    paces.set(row.queue, pace);
  }
  return paces;
}

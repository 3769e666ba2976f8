/**
 * Account lock-out after failed sign-ins: the first FREE_FAILURES attempts are free, the one
 * that reaches FREE_FAILURES locks the name for a minute, and each further failure (allowed once
 * the lock has passed) doubles the lock, up to an hour. Pure: the database applies the table of
 * lock times below atomically (server/db/repositories/signInAttempts.repo.ts).
 */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

export function lockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

/** The failure count from which the lock stops growing. */
export const CAPPED_FAILURES = FREE_FAILURES + Math.ceil(Math.log2(MAX_LOCK_MS / FIRST_LOCK_MS));

/**
 * For each failure count from FREE_FAILURES up to CAPPED_FAILURES, when its lock would end if
 * the attempt that reaches it fails; the last entry stands for every higher count.
 */
export function lockEnds(now: Date): { failures: number; until: string }[] {
  const ends: { failures: number; until: string }[] = [];
  for (let failures = FREE_FAILURES; failures <= CAPPED_FAILURES; failures++) {
    ends.push({ failures, until: new Date(now.getTime() + lockDurationMs(failures)).toISOString() });
  }
  return ends;
}

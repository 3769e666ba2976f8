/**
 * PostgreSQL errors that mean "a parallel transaction got there first", after which the
 * whole transaction is aborted and the only way on is to run it again: a unique key it
 * also wrote (23505), a deadlock it lost (40P01), a serialization failure (40001). SQLite
 * writers take turns, so there these cannot arise from a race; its unique violation
 * (SQLITE_CONSTRAINT_UNIQUE) is a real error and is not retried.
 */
const RACE_CODES = new Set(['23505', '40P01', '40001']);

export function isRaceError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RACE_CODES.has(String((error as { code?: unknown }).code));
}

/**
 * Runs `work` (one whole transaction) again when it lost a race, a few times: the second
 * run sees what the winner committed (the subject, the open case, the report) and takes the
 * merge or repeat path instead.
 */
export async function retryOnRace<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRaceError(error)) throw error;
    }
  }
}

import { isPlatformId, type PlatformId } from '../../../shared/rulebook/platforms';

/**
 * `subjects.platform` as the rest of the server sees it. Only this desk writes the column, from
 * `PlatformId`s; a value it does not know means the row was edited by hand or written by a newer
 * release, and judging that subject by a guessed rulebook would be worse than stopping.
 */
export function decodePlatform(stored: string): PlatformId {
  if (isPlatformId(stored)) return stored;
  throw new Error(`subjects.platform holds an unknown platform: ${JSON.stringify(stored)}`);
}

/** Rows of a query joined to `subjects` that selected `subjects.platform as subject_platform`, decoded. */
export function decodeSubjectPlatforms<R extends { subject_platform: string }>(
  rows: R[],
): (Omit<R, 'subject_platform'> & { subject_platform: PlatformId })[] {
  return rows.map((r) => ({ ...r, subject_platform: decodePlatform(r.subject_platform) }));
}

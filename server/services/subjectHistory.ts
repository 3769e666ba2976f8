import type { Executor } from '../db/database';

/**
 * How many violations were found against the subject before: the subject-standing factor of
 * triage. Counted from the violations on record (not reversed on appeal) — the same findings the
 * subject's standing is computed from — rather than from case statuses, which also close cases
 * that were waived (no violation) and keep reversed ones final.
 */
export async function priorViolations(db: Executor, subjectId: string): Promise<number> {
  const row = await db
    .selectFrom('violations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subject_id', '=', subjectId)
    .where('reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

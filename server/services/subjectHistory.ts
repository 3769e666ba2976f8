import type { Executor } from '../db/database';

/** Statuses of a case whose violation was found (a penalty applies or applied). */
const VIOLATION_STATUSES = ['decided', 'notice_sent', 'appeal_window', 'under_appeal', 'final'] as const;

/**
 * How many violations were found against the subject before: the subject-standing factor
 * of triage.
 */
export async function priorViolations(db: Executor, subjectId: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subject_id', '=', subjectId)
    .where('status', 'in', VIOLATION_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import type { Selectable } from 'kysely';
import type { History } from '../../../shared/rulebook';
import type { Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import type { ViolationRow, ViolationsTable } from '../tables/decisions.table';

const decode = (row: Selectable<ViolationsTable>): ViolationRow => ({ ...row, facts: fromJson(row.facts) });

/**
 * The engine's input for a subject from its findings on record, and which were reversed. A
 * finding is recorded (`created_at`) when its decision took effect; a row that somehow predates
 * its violation counts from the violation.
 */
export function historyOf(rows: readonly ViolationRow[]): History {
  return {
    violations: rows.map((v) => ({
      id: v.id,
      rule: v.rule,
      at: v.at,
      recordedAt: Date.parse(v.created_at) > Date.parse(v.at) ? v.created_at : v.at,
      facts: v.facts,
    })),
    reversed: rows.filter((v) => v.reversed_at).map((v) => v.id),
  };
}

export const violationsRepo = {
  /** The subject's findings, in the order they were committed. */
  async forSubject(db: Executor, subjectId: string): Promise<ViolationRow[]> {
    const rows = await db
      .selectFrom('violations')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(decode);
  },
  /** The rulebook engine's input for the subject: its whole record (`historyOf`). */
  async historyOf(db: Executor, subjectId: string): Promise<History> {
    return historyOf(await violationsRepo.forSubject(db, subjectId));
  },
  /**
   * How many violations were found against the subject before: the subject-standing factor of
   * triage. Counted from the violations on record (not reversed on appeal) — the same findings
   * the subject's standing is computed from — rather than from case statuses, which also close
   * cases that were waived (no violation) and keep reversed ones final.
   */
  async countOnRecord(db: Executor, subjectId: string): Promise<number> {
    const row = await db
      .selectFrom('violations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject_id', '=', subjectId)
      .where('reversed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  async insert(db: Executor, row: Omit<ViolationRow, 'reversed_at' | 'reversed_by'>) {
    await db
      .insertInto('violations')
      .values({ ...row, facts: toJson(row.facts), reversed_at: null, reversed_by: null })
      .execute();
  },
  /** Reverses a finding (kept on record, dropped by the engine); `by` says what reversed it, e.g. `appeal:12`. */
  async reverse(db: Executor, id: string, at: string, by: string): Promise<void> {
    await db.updateTable('violations').set({ reversed_at: at, reversed_by: by }).where('id', '=', id).execute();
  },
  async forCase(db: Executor, caseId: number): Promise<ViolationRow[]> {
    const rows = await db.selectFrom('violations').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map(decode);
  },
};

import type { Insertable } from 'kysely';
import type { Executor } from '../database';
import type { EnforcementStateRow, EnforcementStateTable } from '../tables/outbox.table';

export const enforcementStateRepo = {
  forSubject(db: Executor, subjectId: string): Promise<EnforcementStateRow[]> {
    return db
      .selectFrom('enforcement_state')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('scope_key')
      .orderBy('measure')
      .execute();
  },

  async upsert(db: Executor, row: Insertable<EnforcementStateTable>): Promise<void> {
    const { subject_id: _s, scope_key: _k, measure: _m, ...changes } = row;
    await db
      .insertInto('enforcement_state')
      .values(row)
      .onConflict((oc) => oc.columns(['subject_id', 'scope_key', 'measure']).doUpdateSet(changes))
      .execute();
  },

  async remove(db: Executor, key: { subject_id: string; scope_key: string; measure: string }): Promise<void> {
    await db
      .deleteFrom('enforcement_state')
      .where('subject_id', '=', key.subject_id)
      .where('scope_key', '=', key.scope_key)
      .where('measure', '=', key.measure)
      .execute();
  },

  /** Subjects with a measure whose end is due: the scheduler's work list. */
  async subjectsWithDueEnds(db: Executor, now: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('enforcement_state')
      .select('subject_id')
      .distinct()
      .where('ends_at', '<=', now)
      .orderBy('subject_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.subject_id);
  },
};

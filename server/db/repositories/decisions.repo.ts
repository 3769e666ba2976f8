import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../database';
import type { DecisionRow, DecisionsTable } from '../tables/decisions.table';

export const decisionsRepo = {
  async insert(db: Executor, row: Insertable<DecisionsTable>): Promise<number> {
    const r = await db.insertInto('decisions').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  find(db: Executor, id: number): Promise<DecisionRow | undefined> {
    return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async update(db: Executor, id: number, changes: Updateable<DecisionsTable>): Promise<void> {
    await db.updateTable('decisions').set(changes).where('id', '=', id).execute();
  },
  listForCase(db: Executor, caseId: number): Promise<DecisionRow[]> {
    return db.selectFrom('decisions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
  /** Every decision of these cases, oldest first (the case page's prior cases). */
  listForCases(db: Executor, caseIds: readonly number[]): Promise<DecisionRow[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('decisions').selectAll().where('case_id', 'in', caseIds).orderBy('id').execute();
  },
  /** Decisions waiting for a second person, oldest first. */
  pending(db: Executor, limit: number) {
    return db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .innerJoin('users', 'users.id', 'decisions.decided_by')
      .select([
        'decisions.id',
        'decisions.case_id',
        'decisions.kind',
        'decisions.rule',
        'decisions.reason',
        'decisions.approval_reasons',
        'decisions.preview',
        'decisions.decided_at',
        'decisions.decided_by',
        'users.display_name as decided_by_name',
        'subjects.id as subject_id',
        'subjects.name as subject_name',
        'cases.summary',
        'cases.queue',
        'cases.status as case_status',
      ])
      .where('decisions.status', '=', 'pending_approval')
      .orderBy('decisions.decided_at')
      .limit(limit)
      .execute();
  },
};

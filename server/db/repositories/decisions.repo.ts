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

export const violationsRepo = {
  forSubject(db: Executor, subjectId: string) {
    return db
      .selectFrom('violations')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },
  async insert(
    db: Executor,
    row: {
      id: string;
      subject_id: string;
      case_id: number;
      decision_id: number;
      rule: string;
      at: string;
      facts: string;
      created_at: string;
    },
  ) {
    await db
      .insertInto('violations')
      .values({ ...row, reversed_at: null, reversed_by: null })
      .execute();
  },
  forCase(db: Executor, caseId: number) {
    return db.selectFrom('violations').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
};

export const noticesRepo = {
  async insert(
    db: Executor,
    row: {
      case_id: number;
      decision_id: number;
      subject_id: string;
      body_zh: string;
      body_en: string;
      data: string;
      appeal_until: string | null;
      created_at: string;
    },
  ): Promise<number> {
    const r = await db.insertInto('notices').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  forCase(db: Executor, caseId: number) {
    return db.selectFrom('notices').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
};

import type { Selectable } from 'kysely';
import type { Executor } from '../database';
import { fromJsonOrNull, toJsonOrNull } from '../jsonColumns';
import type { AppealRow, AppealStatus, AppealsTable, AppealUpdate, NewAppealRow } from '../tables/appeals.table';
import { decodeSubjectPlatforms } from './platformColumn';

const decode = (row: Selectable<AppealsTable>): AppealRow => ({ ...row, evidence: fromJsonOrNull(row.evidence) });

/** A write with its evidence as text; left out, it stays as it is. */
function encode<T extends AppealUpdate>(row: T) {
  const { evidence, ...rest } = row;
  return { ...rest, ...(evidence !== undefined && { evidence: toJsonOrNull(evidence) }) };
}

export const appealsRepo = {
  async insert(db: Executor, row: NewAppealRow): Promise<number> {
    const r = await db.insertInto('appeals').values(encode(row)).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async find(db: Executor, id: number): Promise<AppealRow | undefined> {
    const row = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decode(row);
  },
  /** These appeals, oldest first. */
  async findMany(db: Executor, ids: readonly number[]): Promise<AppealRow[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('appeals')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(decode);
  },
  async forDecision(db: Executor, decisionId: number): Promise<AppealRow[]> {
    const rows = await db
      .selectFrom('appeals')
      .selectAll()
      .where('decision_id', '=', decisionId)
      .orderBy('id')
      .execute();
    return rows.map(decode);
  },
  async forCase(db: Executor, caseId: number): Promise<AppealRow[]> {
    const rows = await db.selectFrom('appeals').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map(decode);
  },
  /** Applies a change only at `version`, and bumps it (two officers cannot both rule). */
  async updateAtVersion(db: Executor, id: number, version: number, changes: AppealUpdate): Promise<boolean> {
    const result = await db
      .updateTable('appeals')
      .set((eb) => ({ ...encode(changes), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  list(db: Executor, filter: { statuses?: AppealStatus[]; limit: number }) {
    let q = db
      .selectFrom('appeals')
      .innerJoin('subjects', 'subjects.id', 'appeals.subject_id')
      .leftJoin('users', 'users.id', 'appeals.assignee_id')
      .select([
        'appeals.id',
        'appeals.case_id',
        'appeals.decision_id',
        'appeals.rule',
        'appeals.status',
        'appeals.statement',
        'appeals.submissions',
        'appeals.evidence_deadline',
        'appeals.created_at',
        'appeals.updated_at',
        'appeals.assignee_id',
        'users.display_name as assignee_name',
        'subjects.id as subject_id',
        'subjects.name as subject_name',
        'subjects.platform as subject_platform',
      ]);
    if (filter.statuses?.length) q = q.where('appeals.status', 'in', filter.statuses);
    return q
      .orderBy('appeals.created_at')
      .orderBy('appeals.id')
      .limit(filter.limit)
      .execute()
      .then(decodeSubjectPlatforms);
  },
  /**
   * The oldest appeal under review that this officer may rule on: not their own decision
   * nor one they approved, and in their queues when they belong to any (an officer in no
   * queue works the whole backlog). Locked and skipped-when-locked on PostgreSQL, like case
   * claims.
   */
  async claimCandidate(db: Executor, userId: number, queues: readonly string[], lockRows: boolean) {
    let q = db
      .selectFrom('appeals')
      .innerJoin('decisions', 'decisions.id', 'appeals.decision_id')
      .select(['appeals.id', 'appeals.version'])
      .where('appeals.status', '=', 'under_review')
      .where('appeals.assignee_id', 'is', null)
      .where('decisions.decided_by', '!=', userId)
      .where((eb) => eb.or([eb('decisions.reviewed_by', 'is', null), eb('decisions.reviewed_by', '!=', userId)]));
    if (queues.length) q = q.where('appeals.queue', 'in', queues);
    q = q.orderBy('appeals.created_at').orderBy('appeals.id').limit(1);
    if (lockRows) q = q.forUpdate('appeals').skipLocked();
    return q.executeTakeFirst();
  },
  /** An appeal this officer claimed and has not ruled on yet: "next" resumes it first. */
  heldBy(db: Executor, userId: number) {
    return db
      .selectFrom('appeals')
      .select('id')
      .where('status', '=', 'under_review')
      .where('assignee_id', '=', userId)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  },
  async expiredEvidenceRequests(db: Executor, now: string, limit: number): Promise<AppealRow[]> {
    const rows = await db
      .selectFrom('appeals')
      .selectAll()
      .where('status', '=', 'pending_member')
      .where('evidence_deadline', '<', now)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(decode);
  },
};

/** Ruled appeals per original decider and per rule: the overturn-rate metric's inputs. */
export async function appealOutcomes(db: Executor) {
  return db
    .selectFrom('appeals')
    .innerJoin('decisions', 'decisions.id', 'appeals.decision_id')
    .innerJoin('users', 'users.id', 'decisions.decided_by')
    .select(['decisions.decided_by', 'users.display_name', 'appeals.rule', 'appeals.status'])
    .where('appeals.status', 'in', ['approved', 'rejected'])
    .execute();
}

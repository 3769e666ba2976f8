import type { Insertable, Selectable, Updateable } from 'kysely';
import type { QaTaskStatus } from '../../../shared/api/qa';
import type { SampleReason, SamplingPolicy } from '../../../shared/qa/sampling';
import type { QaScores } from '../../../shared/qa/score';
import type { QaDecision } from '../../../shared/qa/verdict';
import type { Executor } from '../database';
import { fromJson, fromJsonOrNull, toJson, toJsonOrNull } from '../jsonColumns';
import type { QaTasksTable } from '../tables/qa.table';

/** A queue's policy as services see it. */
export interface QaPolicyRecord extends SamplingPolicy {
  queueId: string;
  alwaysRules: string[];
  updatedBy: { id: number; name: string } | null;
  updatedAt: string;
}

/** The QA reviewer's verdict as stored with the task. */
export interface StoredVerdict {
  decision: QaDecision;
  rule: string | null;
  facts: Record<string, unknown> | null;
  reason: string;
}

/** A QA task with its JSON decoded and its columns renamed for services: decoded here only. */
export interface QaTask {
  id: number;
  caseId: number;
  decisionId: number;
  queueId: string | null;
  rule: string;
  reviewerId: number;
  approverId: number | null;
  sampleReason: SampleReason;
  qaReviewerId: number | null;
  status: QaTaskStatus;
  verdict: StoredVerdict | null;
  scores: QaScores | null;
  agreed: boolean | null;
  leadNote: string | null;
  adjudicatedBy: number | null;
  adjudicatedAt: string | null;
  sampledAt: string;
  takenAt: string | null;
  submittedAt: string | null;
}

type TaskRow = Selectable<QaTasksTable>;
const decodeTask = (r: TaskRow): QaTask => ({
  id: r.id,
  caseId: r.case_id,
  decisionId: r.decision_id,
  queueId: r.queue_id,
  rule: r.rule,
  reviewerId: r.reviewer_id,
  approverId: r.approver_id,
  sampleReason: r.sample_reason as SampleReason,
  qaReviewerId: r.qa_reviewer_id,
  status: r.status as QaTaskStatus,
  verdict: fromJsonOrNull<StoredVerdict>(r.verdict),
  scores: fromJsonOrNull<QaScores>(r.scores),
  agreed: r.agreed === null ? null : r.agreed === 1,
  leadNote: r.lead_note,
  adjudicatedBy: r.adjudicated_by,
  adjudicatedAt: r.adjudicated_at,
  sampledAt: r.sampled_at,
  takenAt: r.taken_at,
  submittedAt: r.submitted_at,
});

export type NewQaTask = Pick<
  Insertable<QaTasksTable>,
  'case_id' | 'decision_id' | 'queue_id' | 'rule' | 'reviewer_id' | 'approver_id' | 'sample_reason' | 'sampled_at'
> & { status?: QaTaskStatus };

export interface QaTaskChange {
  status?: QaTaskStatus;
  qaReviewerId?: number;
  takenAt?: string;
  verdict?: StoredVerdict;
  scores?: QaScores;
  submittedAt?: string;
  leadNote?: string;
  adjudicatedBy?: number;
  adjudicatedAt?: string;
}

function encodeChange(c: QaTaskChange, at: string): Updateable<QaTasksTable> {
  return {
    ...(c.status !== undefined && { status: c.status }),
    ...(c.qaReviewerId !== undefined && { qa_reviewer_id: c.qaReviewerId }),
    ...(c.takenAt !== undefined && { taken_at: c.takenAt }),
    ...(c.verdict !== undefined && { verdict: toJson(c.verdict) }),
    ...(c.scores !== undefined && { scores: toJson(c.scores), agreed: c.scores.agreed ? 1 : 0 }),
    ...(c.submittedAt !== undefined && { submitted_at: c.submittedAt }),
    ...(c.leadNote !== undefined && { lead_note: c.leadNote }),
    ...(c.adjudicatedBy !== undefined && { adjudicated_by: c.adjudicatedBy }),
    ...(c.adjudicatedAt !== undefined && { adjudicated_at: c.adjudicatedAt }),
    updated_at: at,
  };
}

export const qaRepo = {
  async policy(db: Executor, queueId: string): Promise<QaPolicyRecord | undefined> {
    return (await qaRepo.policies(db, queueId))[0];
  },

  async policies(db: Executor, queueId?: string): Promise<QaPolicyRecord[]> {
    const rows = await db
      .selectFrom('qa_policies')
      .leftJoin('users', 'users.id', 'qa_policies.updated_by')
      .selectAll('qa_policies')
      .select('users.display_name')
      .$if(queueId !== undefined, (q) => q.where('qa_policies.queue_id', '=', queueId as string))
      .orderBy('qa_policies.queue_id')
      .execute();
    return rows.map((r) => ({
      queueId: r.queue_id,
      percent: r.percent,
      alwaysRules: fromJson<string[]>(r.always_rules),
      alwaysSeals: r.always_seals === 1,
      alwaysSeriousWaivers: r.always_serious_waivers === 1,
      updatedBy: r.updated_by === null ? null : { id: r.updated_by, name: r.display_name ?? '' },
      updatedAt: r.updated_at,
    }));
  },

  async savePolicy(db: Executor, queueId: string, p: SamplingPolicy, by: number, at: string): Promise<void> {
    const values = {
      percent: p.percent,
      always_rules: toJsonOrNull([...p.alwaysRules]) ?? '[]',
      always_seals: p.alwaysSeals ? 1 : 0,
      always_serious_waivers: p.alwaysSeriousWaivers ? 1 : 0,
      updated_by: by,
      updated_at: at,
    };
    await db
      .insertInto('qa_policies')
      .values({ queue_id: queueId, ...values })
      .onConflict((oc) => oc.column('queue_id').doUpdateSet(values))
      .execute();
  },

  async insertTask(db: Executor, row: NewQaTask): Promise<number> {
    const { id } = await db
      .insertInto('qa_tasks')
      .values({ ...row, status: row.status ?? 'open', updated_at: row.sampled_at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(id);
  },

  async find(db: Executor, id: number): Promise<QaTask | undefined> {
    const row = await db.selectFrom('qa_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeTask(row);
  },

  /** Locks the task's row for the rest of the transaction on PostgreSQL (SQLite writers take turns). */
  async findForUpdate(db: Executor, id: number, lockRows: boolean): Promise<QaTask | undefined> {
    let q = db.selectFrom('qa_tasks').selectAll().where('id', '=', id);
    if (lockRows) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && decodeTask(row);
  },

  /** A task this QA reviewer took and has not submitted yet: `qa.next` resumes it first. */
  async heldBy(db: Executor, userId: number): Promise<QaTask | undefined> {
    const row = await db
      .selectFrom('qa_tasks')
      .selectAll()
      .where('status', '=', 'taken')
      .where('qa_reviewer_id', '=', userId)
      .orderBy('taken_at')
      .orderBy('id')
      .executeTakeFirst();
    return row && decodeTask(row);
  },

  /**
   * The oldest open task this person may review: in one of `queues` (every queue: `'all'`), and
   * not a decision they made or approved. Locked and skipped-when-locked on PostgreSQL, like case
   * and appeal claims, so parallel claimers each get their own.
   */
  async claimCandidate(db: Executor, userId: number, queues: readonly string[] | 'all', lockRows: boolean) {
    if (queues !== 'all' && queues.length === 0) return undefined;
    let q = db
      .selectFrom('qa_tasks')
      .select(['id', 'case_id'])
      .where('status', '=', 'open')
      .$if(queues !== 'all', (w) => w.where('queue_id', 'in', queues as string[]))
      .where('reviewer_id', '!=', userId)
      .where((eb) => eb.or([eb('approver_id', 'is', null), eb('approver_id', '!=', userId)]))
      .orderBy('sampled_at')
      .orderBy('id')
      .limit(1);
    if (lockRows) q = q.forUpdate().skipLocked();
    return q.executeTakeFirst();
  },

  /** Applies a change only while the task is still in `from`; false when someone moved it first. */
  async updateFrom(db: Executor, id: number, from: QaTaskStatus, change: QaTaskChange, at: string): Promise<boolean> {
    const result = await db
      .updateTable('qa_tasks')
      .set(encodeChange(change, at))
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async disagreed(db: Executor, queueId?: string): Promise<QaTask[]> {
    const rows = await db
      .selectFrom('qa_tasks')
      .selectAll()
      .where('status', '=', 'disagreed')
      .$if(queueId !== undefined, (q) => q.where('queue_id', '=', queueId as string))
      .orderBy('submitted_at')
      .orderBy('id')
      .execute();
    return rows.map(decodeTask);
  },

  async ofReviewer(db: Executor, reviewerId: number, limit: number): Promise<QaTask[]> {
    const rows = await db
      .selectFrom('qa_tasks')
      .selectAll()
      .where('reviewer_id', '=', reviewerId)
      .orderBy('sampled_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(decodeTask);
  },

  /** Scored tasks whose QA verdict came in within [from, to): the dashboard's agreement figures. */
  async scoredBetween(db: Executor, from: string, to: string, reviewerIds?: readonly number[]) {
    if (reviewerIds && reviewerIds.length === 0) return [];
    return db
      .selectFrom('qa_tasks')
      .select(['reviewer_id', 'rule', 'queue_id', 'agreed', 'submitted_at'])
      .where('agreed', 'is not', null)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to)
      .$if(reviewerIds !== undefined, (q) => q.where('reviewer_id', 'in', reviewerIds as number[]))
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          reviewerId: r.reviewer_id,
          rule: r.rule,
          queueId: r.queue_id,
          agreed: r.agreed === 1,
          submittedAt: r.submitted_at as string,
        })),
      );
  },

  /** Disagreements waiting for a lead (in these queues, or all). */
  async backlog(db: Executor, queueIds?: readonly string[], reviewerIds?: readonly number[]): Promise<number> {
    if ((queueIds && queueIds.length === 0) || (reviewerIds && reviewerIds.length === 0)) return 0;
    const row = await db
      .selectFrom('qa_tasks')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', '=', 'disagreed')
      .$if(queueIds !== undefined, (q) => q.where('queue_id', 'in', queueIds as string[]))
      .$if(reviewerIds !== undefined, (q) => q.where('reviewer_id', 'in', reviewerIds as number[]))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
};

/** Whether an appeal against the decision is still open: a lead's correction must not race it. */
export async function appealOpenOn(db: Executor, decisionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('appeals')
    .select('id')
    .where('decision_id', '=', decisionId)
    .where('status', 'in', ['under_review', 'pending_member'])
    .executeTakeFirst();
  return row !== undefined;
}

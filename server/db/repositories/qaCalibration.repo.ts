import type { QaVerdict } from '../../../shared/qa/verdict';
import type { Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';

export const qaCalibrationRepo = {
  /** Enabled staff in the given roles: who a lead may invite. */
  async staffInRoles(db: Executor, roles: readonly string[]) {
    if (!roles.length) return [];
    return db
      .selectFrom('users')
      .select(['id', 'display_name as name'])
      .where('disabled_at', 'is', null)
      .where('role', 'in', roles as never[])
      .orderBy('id')
      .execute();
  },

  async insertSession(
    db: Executor,
    s: {
      name: string;
      createdBy: number;
      at: string;
      reviewerIds: number[];
      items: { caseId: number; goldId: number | null }[];
    },
  ): Promise<number> {
    const row = await db
      .insertInto('qa_calibration_sessions')
      .values({ name: s.name, created_by: s.createdBy, created_at: s.at, closed_at: null, closed_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('qa_calibration_members')
      .values(s.reviewerIds.map((user_id) => ({ session_id: row.id, user_id })))
      .execute();
    await db
      .insertInto('qa_calibration_items')
      .values(s.items.map((it, i) => ({ session_id: row.id, case_id: it.caseId, gold_id: it.goldId, position: i + 1 })))
      .execute();
    return row.id;
  },

  async find(db: Executor, id: number) {
    return db
      .selectFrom('qa_calibration_sessions as s')
      .innerJoin('users as u', 'u.id', 's.created_by')
      .selectAll('s')
      .select('u.display_name as created_by_name')
      .where('s.id', '=', id)
      .executeTakeFirst();
  },

  /** Sessions, newest first: every one, or only those `memberId` is invited to. */
  async list(db: Executor, memberId?: number) {
    return db
      .selectFrom('qa_calibration_sessions as s')
      .innerJoin('users as u', 'u.id', 's.created_by')
      .selectAll('s')
      .select('u.display_name as created_by_name')
      .$if(memberId !== undefined, (q) =>
        q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('qa_calibration_members as m')
              .select('m.user_id')
              .whereRef('m.session_id', '=', 's.id')
              .where('m.user_id', '=', memberId as number),
          ),
        ),
      )
      .orderBy('s.id', 'desc')
      .limit(200)
      .execute();
  },

  /** The invited reviewers with how many cases each has answered. */
  async members(db: Executor, sessionId: number) {
    const rows = await db
      .selectFrom('qa_calibration_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.display_name'])
      .select((eb) =>
        eb
          .selectFrom('qa_calibration_answers as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.session_id', '=', 'm.session_id')
          .whereRef('a.reviewer_id', '=', 'm.user_id')
          .as('answered'),
      )
      .where('m.session_id', '=', sessionId)
      .orderBy('m.user_id')
      .execute();
    return rows.map((r) => ({ id: r.user_id, name: r.display_name, answered: Number(r.answered ?? 0) }));
  },

  async items(db: Executor, sessionId: number) {
    return db
      .selectFrom('qa_calibration_items')
      .select(['case_id', 'gold_id', 'position'])
      .where('session_id', '=', sessionId)
      .orderBy('position')
      .execute();
  },

  async itemCount(db: Executor, sessionId: number): Promise<number> {
    const r = await db
      .selectFrom('qa_calibration_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Answers of the session: everyone's, or one reviewer's. */
  async answers(db: Executor, sessionId: number, reviewerId?: number) {
    const rows = await db
      .selectFrom('qa_calibration_answers')
      .selectAll()
      .where('session_id', '=', sessionId)
      .$if(reviewerId !== undefined, (q) => q.where('reviewer_id', '=', reviewerId as number))
      .orderBy('case_id')
      .orderBy('reviewer_id')
      .execute();
    return rows.map((r) => ({
      caseId: r.case_id,
      reviewerId: r.reviewer_id,
      verdict: fromJson<QaVerdict>(r.verdict),
      reason: r.reason,
    }));
  },

  /** One answer per case and reviewer: answering again while the session is open replaces it. */
  async saveAnswer(
    db: Executor,
    a: { sessionId: number; caseId: number; reviewerId: number; verdict: QaVerdict; reason: string; at: string },
  ): Promise<void> {
    const verdict = toJson(a.verdict);
    await db
      .insertInto('qa_calibration_answers')
      .values({
        session_id: a.sessionId,
        case_id: a.caseId,
        reviewer_id: a.reviewerId,
        verdict,
        reason: a.reason,
        answered_at: a.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['session_id', 'case_id', 'reviewer_id'])
          .doUpdateSet({ verdict, reason: a.reason, answered_at: a.at }),
      )
      .execute();
  },

  /** Closes an open session; false when it was already closed. */
  async close(db: Executor, id: number, by: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('qa_calibration_sessions')
      .set({ closed_at: at, closed_by: by })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The decision a real case stands on (its latest that took effect), for after the session. */
  async realDecision(db: Executor, caseId: number) {
    return db
      .selectFrom('decisions')
      .select(['kind', 'rule'])
      .where('case_id', '=', caseId)
      .where('status', 'in', ['effective', 'adjusted', 'overturned'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },
};

import type { Executor } from '../database';
import { fromJson } from '../jsonColumns';
import type { AppealOutcomeNoticeData, QaOutcomeNoticeData } from '../tables/decisions.table';

/**
 * Everything on file about one subject, a page at a time: each list newest first by row id,
 * `before` being the smallest id of the previous page. Each query runs on a `subject_id` index
 * (decisions through their case's).
 */
export const subjectRecordsRepo = {
  cases(db: Executor, subjectId: string, before: number | undefined, limit: number) {
    return db
      .selectFrom('cases')
      .select(['id', 'rule', 'status', 'summary', 'created_at', 'closed_at'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  decisions(db: Executor, subjectId: string, before: number | undefined, limit: number) {
    return db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .select([
        'decisions.id',
        'decisions.case_id',
        'decisions.kind',
        'decisions.status',
        'decisions.rule',
        'decisions.reason',
        'decisions.decided_at',
      ])
      .where('cases.subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('decisions.id', '<', before as number))
      .orderBy('decisions.id', 'desc')
      .limit(limit)
      .execute();
  },
  appeals(db: Executor, subjectId: string, before: number | undefined, limit: number) {
    return db
      .selectFrom('appeals')
      .select(['id', 'case_id', 'decision_id', 'rule', 'status', 'created_at'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  /** Notices with what they answer: a decision, or an appeal (`appeal_outcome`). */
  async notices(db: Executor, subjectId: string, before: number | undefined, limit: number) {
    const rows = await db
      .selectFrom('notices')
      .select(['id', 'case_id', 'decision_id', 'appeal_until', 'created_at', 'data'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(({ data, ...n }) => {
      const kind = fromJson<Partial<AppealOutcomeNoticeData | QaOutcomeNoticeData>>(data).kind;
      return { ...n, kind: kind === 'appeal_outcome' || kind === 'qa_outcome' ? kind : ('decision' as const) };
    });
  },
  alerts(db: Executor, subjectId: string, before: number | undefined, limit: number) {
    return db
      .selectFrom('security_alerts')
      .select(['id', 'account_id', 'nickname', 'level', 'type', 'status', 'detected_at'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  messages(db: Executor, subjectId: string, before: number | undefined, limit: number) {
    return db
      .selectFrom('outbox_messages')
      .select(['id', 'type', 'case_id', 'created_at'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  /** The case each of the subject's findings was found in. */
  async findingCases(db: Executor, subjectId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('violations')
      .select(['id', 'case_id'])
      .where('subject_id', '=', subjectId)
      .execute();
    return new Map(rows.map((r) => [r.id, r.case_id]));
  },
};

import type { z } from 'zod';
import type {
  subjectAlertItem,
  subjectAppealItem,
  subjectCaseItem,
  subjectDecisionItem,
  subjectMessageItem,
  subjectNoticeItem,
} from '../../../shared/api/subjects';
import type { Executor } from '../database';
import { fromJson } from '../jsonColumns';
import type { AppealOutcomeNoticeData, QaOutcomeNoticeData } from '../tables/decisions.table';

/** One page of one list: rows with an id below `before`, newest first. */
type Page<T> = (db: Executor, subjectId: string, before: number | undefined, limit: number) => Promise<T[]>;

/**
 * Everything on file about one subject, a page at a time, as the subject page shows it: each
 * list newest first by row id, `before` being the smallest id of the previous page. Each query
 * runs on a `subject_id` index (decisions through their case's).
 */
export const subjectRecordsRepo = {
  cases: ((db, subjectId, before, limit) =>
    db
      .selectFrom('cases')
      .select(['id', 'rule', 'status', 'summary', 'created_at as createdAt', 'closed_at as closedAt'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()) satisfies Page<z.infer<typeof subjectCaseItem>>,
  decisions: ((db, subjectId, before, limit) =>
    db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .select([
        'decisions.id',
        'decisions.case_id as caseId',
        'decisions.kind',
        'decisions.status',
        'decisions.rule',
        'decisions.reason',
        'decisions.decided_at as decidedAt',
      ])
      .where('cases.subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('decisions.id', '<', before as number))
      .orderBy('decisions.id', 'desc')
      .limit(limit)
      .execute()) satisfies Page<z.infer<typeof subjectDecisionItem>>,
  appeals: ((db, subjectId, before, limit) =>
    db
      .selectFrom('appeals')
      .select(['id', 'case_id as caseId', 'decision_id as decisionId', 'rule', 'status', 'created_at as createdAt'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()) satisfies Page<z.infer<typeof subjectAppealItem>>,
  /** Notices with what they answer: a decision, or an appeal (`appeal_outcome`). */
  notices: (async (db, subjectId, before, limit) => {
    const rows = await db
      .selectFrom('notices')
      .select([
        'id',
        'case_id as caseId',
        'decision_id as decisionId',
        'appeal_until as appealUntil',
        'created_at as createdAt',
        'data',
      ])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(({ data, ...n }) => {
      const kind = fromJson<Partial<AppealOutcomeNoticeData | QaOutcomeNoticeData>>(data).kind;
      return { ...n, kind: kind === 'appeal_outcome' || kind === 'qa_outcome' ? kind : ('decision' as const) };
    });
  }) satisfies Page<z.infer<typeof subjectNoticeItem>>,
  alerts: ((db, subjectId, before, limit) =>
    db
      .selectFrom('security_alerts')
      .select(['id', 'account_id as accountId', 'nickname', 'level', 'type', 'status', 'detected_at as detectedAt'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()) satisfies Page<z.infer<typeof subjectAlertItem>>,
  messages: ((db, subjectId, before, limit) =>
    db
      .selectFrom('outbox_messages')
      .select(['id', 'type', 'case_id as caseId', 'created_at as createdAt'])
      .where('subject_id', '=', subjectId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()) satisfies Page<z.infer<typeof subjectMessageItem>>,
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

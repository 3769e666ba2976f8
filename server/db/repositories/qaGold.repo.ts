import type { CaseStatus, ReportSource, SubjectKind } from '../../../shared/cases/enums';
import type { QaVerdict } from '../../../shared/qa/verdict';
import type { PlatformId } from '../../../shared/rulebook/platforms';
import type { Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';

/** The redacted content of a gold case: what every training copy is built from. */
export interface GoldSnapshot {
  summary: string;
  source: ReportSource;
  priority: number;
  /** How long the real case had until its SLA ran out, in ms: copies get the same. */
  slaMs: number | null;
  reports: { source: ReportSource; summary: string; facts: Record<string, unknown> | null }[];
  evidence: { kind: string; title: string; text: string | null; structured: unknown }[];
}

export interface GoldRow {
  id: number;
  source_case_id: number;
  training_subject_id: string;
  copy_case_id: number;
  rule: string;
  expected: QaVerdict;
  snapshot: GoldSnapshot;
  note: string | null;
  marked_by: number;
  marked_at: string;
  retired_at: string | null;
}

const decodeGold = (r: {
  id: number;
  source_case_id: number;
  training_subject_id: string;
  copy_case_id: number;
  rule: string;
  expected: string;
  snapshot: string;
  note: string | null;
  marked_by: number;
  marked_at: string;
  retired_at: string | null;
}): GoldRow => ({ ...r, expected: fromJson(r.expected), snapshot: fromJson(r.snapshot) });

/** A training copy to write: the case's own columns; its reports and evidence come from the snapshot. */
export interface NewTrainingCopy {
  subjectId: string;
  rule: string;
  status: CaseStatus;
  queue: string | null;
  assigneeId: number | null;
  leaseUntil: string | null;
  rank: number;
  slaDueAt: string | null;
  at: string;
}

export const qaGoldRepo = {
  /** A synthetic subject for a gold case's copies: no name of a real member, no personal data. */
  async insertTrainingSubject(
    db: Executor,
    s: { id: string; kind: SubjectKind; name: string; platform: PlatformId; at: string },
  ): Promise<void> {
    await db
      .insertInto('subjects')
      .values({
        id: s.id,
        kind: s.kind,
        name: s.name,
        shop_level: null,
        registered_at: null,
        created_at: s.at,
        phone: null,
        address: null,
        platform: s.platform,
        training: 1,
      })
      .execute();
  },

  /**
   * A training copy: a case flagged `training`, with the snapshot's reports and evidence.
   * Written straight to the tables, never to the search index: full-text search finds no copy.
   */
  async insertCopy(db: Executor, snapshot: GoldSnapshot, copy: NewTrainingCopy, externalId: string): Promise<number> {
    const row = await db
      .insertInto('cases')
      .values({
        subject_id: copy.subjectId,
        rule: copy.rule,
        status: copy.status,
        source: snapshot.source,
        summary: snapshot.summary,
        priority: snapshot.priority,
        rank: copy.rank,
        triage: null,
        queue: copy.queue,
        assignee_id: copy.assigneeId,
        lease_until: copy.leaseUntil,
        sla_due_at: copy.slaDueAt,
        closed_at: null,
        split_from: null,
        created_at: copy.at,
        updated_at: copy.at,
        training: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let first: number | null = null;
    for (const [i, r] of snapshot.reports.entries()) {
      const report = await db
        .insertInto('reports')
        .values({
          external_id: `${externalId}-${i + 1}`,
          case_id: row.id,
          source: r.source,
          subject_id: copy.subjectId,
          rule: copy.rule,
          summary: r.summary,
          facts: r.facts === null ? null : toJson(r.facts),
          reporter_id: null,
          subject_name: null,
          created_at: copy.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      first ??= report.id;
    }
    if (snapshot.evidence.length) {
      await db
        .insertInto('evidence')
        .values(
          snapshot.evidence.map((e) => ({
            case_id: row.id,
            report_id: first,
            kind: e.kind,
            title: e.title,
            text: e.text,
            url: null,
            structured: e.structured === null || e.structured === undefined ? null : toJson(e.structured),
            created_at: copy.at,
          })),
        )
        .execute();
    }
    return row.id;
  },

  async insertGold(db: Executor, g: Omit<GoldRow, 'id' | 'retired_at'>): Promise<number> {
    const row = await db
      .insertInto('qa_gold_cases')
      .values({ ...g, expected: toJson(g.expected), snapshot: toJson(g.snapshot), retired_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async find(db: Executor, id: number): Promise<GoldRow | undefined> {
    const r = await db.selectFrom('qa_gold_cases').selectAll().where('id', '=', id).executeTakeFirst();
    return r && decodeGold(r);
  },

  /** The gold case a training subject belongs to (each gold has its own). */
  async ofTrainingSubject(db: Executor, subjectId: string): Promise<GoldRow | undefined> {
    const r = await db
      .selectFrom('qa_gold_cases')
      .selectAll()
      .where('training_subject_id', '=', subjectId)
      .executeTakeFirst();
    return r && decodeGold(r);
  },

  async activeForSource(db: Executor, caseId: number): Promise<GoldRow | undefined> {
    const r = await db
      .selectFrom('qa_gold_cases')
      .selectAll()
      .where('source_case_id', '=', caseId)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    return r && decodeGold(r);
  },

  async list(db: Executor, includeRetired: boolean) {
    const rows = await db
      .selectFrom('qa_gold_cases as g')
      .innerJoin('users as u', 'u.id', 'g.marked_by')
      .selectAll('g')
      .select('u.display_name as marked_by_name')
      .select((eb) => [
        eb
          .selectFrom('qa_gold_attempts as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.gold_id', '=', 'g.id')
          .as('attempts'),
        eb
          .selectFrom('qa_gold_attempts as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.gold_id', '=', 'g.id')
          .where('a.correct', '=', 1)
          .as('correct'),
      ])
      .$if(!includeRetired, (q) => q.where('g.retired_at', 'is', null))
      .orderBy('g.id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      ...decodeGold(r),
      marked_by_name: r.marked_by_name,
      attempts: Number(r.attempts ?? 0),
      correct: Number(r.correct ?? 0),
    }));
  },

  async retire(db: Executor, id: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('qa_gold_cases')
      .set({ retired_at: at })
      .where('id', '=', id)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async rateOf(db: Executor, queueId: string): Promise<number | null> {
    const r = await db.selectFrom('qa_gold_rates').select('percent').where('queue_id', '=', queueId).executeTakeFirst();
    return r ? r.percent : null;
  },

  async rates(db: Executor) {
    return db.selectFrom('qa_gold_rates').select(['queue_id', 'percent']).orderBy('queue_id').execute();
  },

  async setRate(db: Executor, queueId: string, percent: number, by: number, at: string): Promise<void> {
    await db
      .insertInto('qa_gold_rates')
      .values({ queue_id: queueId, percent, updated_by: by, updated_at: at })
      .onConflict((oc) => oc.column('queue_id').doUpdateSet({ percent, updated_by: by, updated_at: at }))
      .execute();
  },

  /**
   * Gold cases a reviewer may be served: in use, never answered by them, not made from a case
   * they decided themselves, and with no copy in someone's hands (each gold's copies share one
   * training subject, which holds one open case at a time). Oldest first.
   */
  async servable(db: Executor, reviewerId: number) {
    return db
      .selectFrom('qa_gold_cases as g')
      .select(['g.id', 'g.training_subject_id'])
      .where('g.retired_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('qa_gold_attempts as a')
              .select('a.id')
              .whereRef('a.gold_id', '=', 'g.id')
              .where('a.reviewer_id', '=', reviewerId),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('decisions as d')
              .select('d.id')
              .whereRef('d.case_id', '=', 'g.source_case_id')
              .where('d.decided_by', '=', reviewerId),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('cases as c')
              .select('c.id')
              .whereRef('c.subject_id', '=', 'g.training_subject_id')
              .where('c.is_open', '=', 1)
              .where('c.assignee_id', 'is not', null),
          ),
        ),
      )
      .orderBy('g.id')
      .limit(100)
      .execute();
  },

  /** The idle open copy of a gold case (nobody holds it), to hand out before making another. */
  async idleCopy(db: Executor, trainingSubjectId: string) {
    return db
      .selectFrom('cases')
      .select(['id', 'version', 'status'])
      .where('subject_id', '=', trainingSubjectId)
      .where('is_open', '=', 1)
      .where('assignee_id', 'is', null)
      .executeTakeFirst();
  },

  async insertAttempt(
    db: Executor,
    a: {
      goldId: number;
      caseId: number;
      reviewerId: number;
      queue: string | null;
      answer: QaVerdict;
      scores: unknown;
      correct: boolean;
      at: string;
    },
  ): Promise<void> {
    await db
      .insertInto('qa_gold_attempts')
      .values({
        gold_id: a.goldId,
        case_id: a.caseId,
        reviewer_id: a.reviewerId,
        queue: a.queue,
        answer: toJson(a.answer),
        scores: toJson(a.scores),
        correct: a.correct ? 1 : 0,
        answered_at: a.at,
      })
      .execute();
  },

  /** Gold attempts answered in the range (both ends included), by these reviewers (everyone when absent). */
  async accuracy(db: Executor, range: { from: string; to: string }, reviewerIds?: readonly number[]) {
    if (reviewerIds && !reviewerIds.length) return { answered: 0, correct: 0 };
    const row = await db
      .selectFrom('qa_gold_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('answered'), eb.fn.sum<number>('correct').as('correct')])
      .where('answered_at', '>=', range.from)
      .where('answered_at', '<=', range.to)
      .$if(reviewerIds !== undefined, (q) => q.where('reviewer_id', 'in', reviewerIds as number[]))
      .executeTakeFirstOrThrow();
    return { answered: Number(row.answered), correct: Number(row.correct ?? 0) };
  },
};

import type { CaseHistory, DecisionView, NoticeView } from '../../shared/api/caseHistory';
import { notFound } from '../../shared/errors/deskError';
import type { Executor } from '../db/database';
import { auditEventsRepo } from '../db/repositories/auditEvents.repo';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { noticesRepo } from '../db/repositories/notices.repo';
import type { DecisionRow, NoticeRow } from '../db/tables/decisions.table';
import { currentDecision, stateOf } from './decisionState';

export function toNoticeView(n: NoticeRow): NoticeView {
  return {
    id: n.id,
    caseId: n.case_id,
    decisionId: n.decision_id,
    subjectId: n.subject_id,
    bodyZh: n.body_zh,
    bodyEn: n.body_en,
    data: { ...n.data },
    appealUntil: n.appeal_until,
    createdAt: n.created_at,
  };
}

/** The case's decisions, notices, every audited event on it, and the subject's other cases. */
export async function caseHistory(db: Executor, caseId: number): Promise<CaseHistory> {
  const c = await casesRepo.find(db, caseId);
  if (!c) throw notFound('case', caseId);
  const [decisions, notices, events, prior, users] = await Promise.all([
    decisionsRepo.listForCase(db, caseId),
    noticesRepo.forCase(db, caseId),
    auditEventsRepo.forTarget(db, { type: 'case', id: String(caseId) }, 500),
    db
      .selectFrom('cases')
      .select(['id', 'rule', 'status', 'summary', 'created_at', 'closed_at'])
      .where('subject_id', '=', c.subject_id)
      .where('id', '!=', caseId)
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
    db.selectFrom('users').select(['id', 'display_name']).execute(),
  ]);
  const name = new Map(users.map((u) => [u.id, u.display_name]));
  const someone = (id: number) => ({ id, name: name.get(id) ?? String(id) });
  const person = (id: number | null) => (id === null ? null : someone(id));
  const priorDecisions = await decisionsRepo.listForCases(
    db,
    prior.map((p) => p.id),
  );
  return {
    decisions: decisions.map(
      (d: DecisionRow): DecisionView => ({
        id: d.id,
        kind: d.kind,
        status: d.status,
        statusChangedBy: stateOf(d, someone).changedBy,
        statusChangedAt: stateOf(d, someone).changedAt,
        rule: d.rule,
        facts: d.facts,
        violationAt: d.violation_at,
        reason: d.reason,
        reasonTemplate: d.reason_template,
        approvalReasons: d.approval_reasons ?? [],
        preview: d.preview,
        decidedBy: person(d.decided_by) ?? { id: d.decided_by, name: '' },
        decidedAt: d.decided_at,
        reviewedBy: person(d.reviewed_by),
        reviewedAt: d.reviewed_at,
        reviewNote: d.review_note,
        batchId: d.batch_id,
      }),
    ),
    notices: notices.map(toNoticeView),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.action,
      actor: {
        type: e.actor_type,
        id: e.actor_id,
        name: e.actor_type === 'user' && e.actor_id ? (name.get(Number(e.actor_id)) ?? null) : null,
      },
      data: e.payload,
      batchId: e.batch_id,
    })),
    priorCases: prior.map((p) => ({
      id: p.id,
      rule: p.rule,
      status: p.status,
      summary: p.summary,
      createdAt: p.created_at,
      closedAt: p.closed_at,
      decisionStatus:
        currentDecision(
          priorDecisions.filter((d) => d.case_id === p.id),
          p.rule,
        )?.status ?? null,
    })),
  };
}

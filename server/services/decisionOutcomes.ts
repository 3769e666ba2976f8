import type { Insertable, Transaction } from 'kysely';
import { caseState } from '../../shared/audit/caseState';
import { transition } from '../../shared/cases/stateMachine';
import { approvalReasons } from '../../shared/decisions/fourEyes';
import type { FindingPreview, Rulebook } from '../../shared/rulebook';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { reportersRepo } from '../db/repositories/reporters.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { DecisionRow, DecisionsTable } from '../db/tables/decisions.table';
import type { DecideResult } from './decisionPath';
import { previewOf } from './decisionPreview';
import { ensureEscalationQueue } from './escalation';
import { sampleForQa } from './qaSampling';
import type { ServiceContext } from './serviceContext';
import { staleVersion } from './staleVersion';

type Trx = Transaction<Database>;

/** No violation (dismiss), or handed to a lead (escalate): effective at once, no finding, no penalty. */
export async function dismissOrEscalate(
  trx: Trx,
  ctx: ServiceContext,
  args: {
    c: CaseRow;
    decision: Omit<Insertable<DecisionsTable>, 'rule' | 'facts' | 'violation_at' | 'status'> & {
      kind: 'dismiss' | 'escalate';
    };
    now: Date;
  },
): Promise<DecideResult> {
  const { c, decision, now } = args;
  const at = now.toISOString();
  const kind = decision.kind;
  const decisionId = await decisionsRepo.insert(trx, {
    ...decision,
    rule: null,
    facts: null,
    violation_at: null,
    status: 'effective',
    approval_reasons: null,
    preview: null,
  });
  const status = transition(c.status, kind);
  const changes =
    kind === 'dismiss'
      ? { status, closed_at: at, lease_until: null, updated_at: at }
      : { status, queue: await ensureEscalationQueue(trx, at), assignee_id: null, lease_until: null, updated_at: at };
  if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, changes))) throw staleVersion(c);
  if (kind === 'dismiss') {
    for (const r of await reportsRepo.listForCase(trx, c.id))
      if (r.reporter_id) await reportersRepo.bump(trx, r.reporter_id, 'dismissed');
  }
  const recorded = {
    decisionId,
    caseId: c.id,
    subjectId: c.subject_id,
    rule: c.rule,
    measures: [],
    source: c.source,
    automatedDetection: c.source === 'system_detection',
    automatedDecision: false,
    decidedAt: at,
    reason: decision.reason,
    reasonTemplate: decision.reason_template ?? null,
  };
  const target = { type: 'case', id: c.id };
  // A dismissal closes the case with its reviewer on it; an escalation hands it back to a queue.
  const state = caseState(status, kind === 'dismiss' ? c.assignee_id : null);
  await recordEvent(
    trx,
    ctx.audit,
    kind === 'dismiss'
      ? { action: 'case.decided', target, data: { ...recorded, decision: kind, ...state } }
      : { action: 'case.escalated', target, data: { ...recorded, decision: kind, ...state } },
    now,
  );
  if (kind === 'dismiss') {
    const dismissal = { kind, rule: c.rule, seals: false, seriousWaiver: false } as const;
    await sampleForQa(trx, ctx, {
      c,
      decisionId,
      decidedBy: decision.decided_by,
      approvedBy: null,
      decision: dismissal,
      now,
    });
  }
  return {
    output: { status, decisionId, requiresApproval: false, approvalReasons: [], noticeId: null },
    changes: [
      {
        caseId: c.id,
        action: kind === 'dismiss' ? 'decided' : 'escalated',
        status,
        assigneeId: kind === 'dismiss' ? decision.decided_by : null,
        version: c.version + 1,
        at,
      },
    ],
  };
}

/** A severe finding (or a waiver of one) waits for a second person: nothing takes effect yet. */
export async function submitForApproval(
  trx: Trx,
  ctx: ServiceContext,
  args: { c: CaseRow; decision: DecisionRow; judged: FindingPreview; rulebook: Rulebook; now: Date },
): Promise<DecideResult> {
  const { c, decision, judged, rulebook, now } = args;
  const at = now.toISOString();
  const kind = decision.kind === 'waive' ? 'waive' : 'apply';
  const reasons = approvalReasons(kind, judged, rulebook.fourEyes);
  await decisionsRepo.update(trx, decision.id, {
    requires_approval: 1,
    approval_reasons: reasons,
    preview: previewOf(kind, judged, rulebook),
  });
  const status = transition(c.status, 'submit_for_approval');
  const waiting = { status, lease_until: null, updated_at: at };
  if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, waiting))) throw staleVersion(c);
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'case.decision_submitted',
      target: { type: 'case', id: c.id },
      data: {
        decisionId: decision.id,
        decision: kind,
        rule: decision.rule,
        facts: decision.facts ?? {},
        approvalReasons: reasons,
        points: judged.points,
        ledger: judged.ledger,
        ...caseState(status, c.assignee_id),
      },
    },
    now,
  );
  return {
    output: { status, decisionId: decision.id, requiresApproval: true, approvalReasons: reasons, noticeId: null },
    changes: [
      { caseId: c.id, action: 'submitted_for_approval', status, assigneeId: c.assignee_id, version: c.version + 1, at },
    ],
  };
}

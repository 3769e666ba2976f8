import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DecideInput, DecideOutput, PreviewOutput } from '../../shared/api/decisions';
import { can } from '../../shared/auth/roles';
import { OPEN_CASE_STATUSES } from '../../shared/cases/enums';
import { transition } from '../../shared/cases/stateMachine';
import { approvalReasons } from '../../shared/decisions/fourEyes';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { reportersRepo } from '../db/repositories/reporters.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { CaseChange } from '../events/changeBus';
import { takeEffect } from './decisionEffect';
import { violationIdOf } from './decisionIds';
import { previewProposal, toPreviewOutput, validateFacts } from './decisionPreview';
import { ensureEscalationQueue } from './escalation';
import { actingUserId, type ServiceContext } from './serviceContext';
import { subjectHistory } from './subjectStanding.service';

type Trx = Transaction<Database>;

/** A stale version is answered with the case as it is now, so the client can show what changed. */
export function staleVersion(c: CaseRow): DeskError {
  return new DeskError(
    'CONFLICT',
    'stale_version',
    `case ${c.id} changed since you opened it (now version ${c.version}, ${c.status})`,
    {
      current: { version: c.version, status: c.status, assigneeId: c.assignee_id },
    },
  );
}

/** Violation time defaults to when the first report arrived: the conduct predates the decision. */
async function defaultViolationAt(trx: Trx, c: CaseRow): Promise<string> {
  const first = (await reportsRepo.listForCase(trx, c.id))[0];
  return first?.created_at ?? c.created_at;
}

/** `cases.preview`: what applying (or waiving) would do to the subject's standing. */
export async function previewDecision(
  ctx: ServiceContext,
  input: {
    caseId: number;
    rule?: string;
    facts: Record<string, unknown>;
    violationAt?: string;
    decision: 'apply' | 'waive';
  },
): Promise<PreviewOutput> {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    const rule = ruleOf(c, input.rule);
    const facts = validateFacts(rule, input.facts);
    const at = input.violationAt ?? (await defaultViolationAt(trx, c));
    const preview = previewProposal(
      await subjectHistory(trx, c.subject_id),
      { id: 'proposed', rule, at, facts },
      ctx.clock.now(),
    );
    return toPreviewOutput(preview, input.decision);
  });
}

function ruleOf(c: CaseRow, requested?: string): string {
  const rule = requested ?? c.rule;
  // The decision panel offers the case's own family; judging it under another rule is a new case.
  if (rule !== c.rule) {
    throw new DeskError('BAD_REQUEST', 'rule_not_in_family', `case ${c.id} is about ${c.rule}, not ${rule}`, {
      field: 'rule',
    });
  }
  return rule;
}

/** `cases.decide`: one decision, in one transaction with its audit event(s). */
export async function decideCase(ctx: ServiceContext, input: DecideInput): Promise<DecideOutput> {
  const { output, changes } = await ctx.db.transaction().execute((trx) => decideIn(trx, ctx, input));
  ctx.bus.publish(changes);
  return output;
}

/** Bulk: the same decision (rule, facts, reason) on many cases, all or nothing, one batch id. */
export async function bulkDecide(
  ctx: ServiceContext,
  input: Omit<DecideInput, 'id' | 'version'> & { cases: { id: number; version: number }[] },
): Promise<{ batchId: string; results: (DecideOutput & { caseId: number })[] }> {
  const batchId = randomUUID();
  const batchCtx = { ...ctx, audit: { ...ctx.audit, batchId } };
  const { results, changes } = await ctx.db.transaction().execute(async (trx) => {
    const all: (DecideOutput & { caseId: number })[] = [];
    const allChanges: CaseChange[] = [];
    for (const c of input.cases) {
      const { output, changes: caseChanges } = await decideIn(
        trx,
        batchCtx,
        { ...input, id: c.id, version: c.version },
        batchId,
      );
      all.push({ ...output, caseId: c.id });
      allChanges.push(...caseChanges);
    }
    return { results: all, changes: allChanges };
  });
  ctx.bus.publish(changes);
  return { batchId, results };
}

async function decideIn(
  trx: Trx,
  ctx: ServiceContext,
  input: DecideInput,
  batchId: string | null = null,
): Promise<{ output: DecideOutput; changes: CaseChange[] }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const userId = actingUserId(ctx);
  const user = await usersRepo.findById(trx, userId);
  if (!user) throw new DeskError('UNAUTHORIZED', 'unknown_user', 'sign in again');
  let c = await casesRepo.find(trx, input.id);
  if (!c) throw notFound('case', input.id);
  if (c.version !== input.version) throw staleVersion(c);
  if (!(OPEN_CASE_STATUSES as readonly string[]).includes(c.status) || c.status === 'pending_approval') {
    throw new DeskError('CONFLICT', 'illegal_transition', `a case that is ${c.status} cannot be decided`, {
      from: c.status,
      event: 'decide',
    });
  }
  if (c.assignee_id && c.assignee_id !== userId && !can(user.role, 'queues.manage')) {
    throw new DeskError('CONFLICT', 'not_your_case', `case ${c.id} is assigned to someone else`);
  }
  // Deciding an unclaimed case (bulk, or a lead) claims it first: the record shows who decided.
  if (c.status !== 'assigned' || c.assignee_id !== userId) {
    const status = transition(c.status, c.status === 'assigned' ? 'reassign' : 'claim');
    if (
      !(await casesRepo.updateAtVersion(trx, c.id, c.version, {
        status,
        assignee_id: userId,
        lease_until: null,
        updated_at: at,
      }))
    ) {
      throw staleVersion(c);
    }
    c = { ...c, status, assignee_id: userId, version: c.version + 1 };
  }

  const base = {
    case_id: c.id,
    kind: input.decision,
    reason: input.reason,
    reason_template: input.reasonTemplate ?? null,
    decided_by: userId,
    decided_at: at,
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
    batch_id: batchId,
  };

  if (input.decision === 'dismiss' || input.decision === 'escalate') {
    const decisionId = await decisionsRepo.insert(trx, {
      ...base,
      rule: null,
      facts: null,
      violation_at: null,
      status: 'effective',
      approval_reasons: null,
      preview: null,
    });
    const status = transition(c.status, input.decision);
    const escalations = input.decision === 'escalate' ? await ensureEscalationQueue(trx, at) : null;
    const changes =
      input.decision === 'dismiss'
        ? { status, closed_at: at, updated_at: at }
        : { status, queue: escalations, assignee_id: null, lease_until: null, updated_at: at };
    if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, changes))) throw staleVersion(c);
    if (input.decision === 'dismiss') {
      for (const r of await reportsRepo.listForCase(trx, c.id))
        if (r.reporter_id) await reportersRepo.bump(trx, r.reporter_id, 'dismissed');
    }
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: input.decision === 'dismiss' ? 'case.decided' : 'case.escalated',
        target: { type: 'case', id: c.id },
        data: {
          decisionId,
          caseId: c.id,
          subjectId: c.subject_id,
          rule: c.rule,
          decision: input.decision,
          measures: [],
          source: c.source,
          automatedDetection: c.source === 'system_detection',
          automatedDecision: false,
          decidedAt: at,
          reason: input.reason,
          reasonTemplate: input.reasonTemplate ?? null,
        },
      },
      now,
    );
    return {
      output: { status, decisionId, requiresApproval: false, approvalReasons: [], noticeId: null },
      changes: [
        {
          caseId: c.id,
          action: input.decision === 'dismiss' ? 'decided' : 'escalated',
          status,
          assigneeId: input.decision === 'dismiss' ? userId : null,
          version: c.version + 1,
          at,
        },
      ],
    };
  }

  const rule = ruleOf(c, input.rule);
  const facts = validateFacts(rule, input.facts ?? {});
  const violationAt = input.violationAt ?? (await defaultViolationAt(trx, c));
  const history = await subjectHistory(trx, c.subject_id);
  const decisionId = await decisionsRepo.insert(trx, {
    ...base,
    rule,
    facts: JSON.stringify(facts),
    violation_at: violationAt,
    status: 'pending',
    approval_reasons: null,
    preview: null,
  });
  const preview = previewProposal(history, { id: violationIdOf(decisionId), rule, at: violationAt, facts }, now);
  const reasons = approvalReasons(input.decision, preview);
  await decisionsRepo.update(trx, decisionId, {
    requires_approval: reasons.length ? 1 : 0,
    approval_reasons: JSON.stringify(reasons),
    preview: JSON.stringify(toPreviewOutput(preview, input.decision)),
  });

  if (reasons.length) {
    const status = transition(c.status, 'submit_for_approval');
    if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) throw staleVersion(c);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'case.decision_submitted',
        target: { type: 'case', id: c.id },
        data: {
          decisionId,
          decision: input.decision,
          rule,
          facts,
          approvalReasons: reasons,
          points: preview.points,
          ledger: preview.ledger,
        },
      },
      now,
    );
    return {
      output: { status, decisionId, requiresApproval: true, approvalReasons: reasons, noticeId: null },
      changes: [
        { caseId: c.id, action: 'submitted_for_approval', status, assigneeId: userId, version: c.version + 1, at },
      ],
    };
  }

  const decision = await decisionsRepo.find(trx, decisionId);
  if (!decision) throw notFound('decision', decisionId);
  const effect = await takeEffect(trx, ctx, { c, decision, preview, via: 'decide', now });
  return {
    output: {
      status: effect.status,
      decisionId,
      requiresApproval: false,
      approvalReasons: [],
      noticeId: effect.noticeId,
    },
    changes: [effect.change],
  };
}

/** A second person lets a pending decision take effect (recomputed on today's standing). */
export async function approveDecision(ctx: ServiceContext, input: { decisionId: number; note?: string }) {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { decision, c } = await loadPending(trx, ctx, input.decisionId);
    const rule = decision.rule ?? c.rule;
    const facts = JSON.parse(decision.facts ?? '{}') as Record<string, unknown>;
    const preview = previewProposal(
      await subjectHistory(trx, c.subject_id),
      { id: violationIdOf(decision.id), rule, at: decision.violation_at ?? c.created_at, facts },
      now,
    );
    await decisionsRepo.update(trx, decision.id, {
      reviewed_by: actingUserId(ctx),
      reviewed_at: now.toISOString(),
      review_note: input.note ?? null,
      preview: JSON.stringify(toPreviewOutput(preview, decision.kind === 'waive' ? 'waive' : 'apply')),
    });
    // The case row is locked (by takeEffect's update) before the audit append lock is taken,
    // the same order as every other case change, so concurrent writers cannot deadlock.
    const effect = await takeEffect(trx, ctx, { c, decision, preview, via: 'approve', now });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'decision.approved',
        target: { type: 'case', id: c.id },
        data: { decisionId: decision.id, decidedBy: decision.decided_by, note: input.note ?? null },
      },
      now,
    );
    return effect;
  });
  ctx.bus.publish(result.change);
  return { status: result.status, noticeId: result.noticeId };
}

/** The approver returns a pending decision to its reviewer with a note; nothing takes effect. */
export async function sendBackDecision(ctx: ServiceContext, input: { decisionId: number; note?: string }) {
  if (!input.note)
    throw new DeskError('BAD_REQUEST', 'note_required', 'say why the decision is sent back', { field: 'note' });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const change = await ctx.db.transaction().execute(async (trx) => {
    const { decision, c } = await loadPending(trx, ctx, input.decisionId);
    const status = transition(c.status, 'send_back');
    if (
      !(await casesRepo.updateAtVersion(trx, c.id, c.version, {
        status,
        assignee_id: decision.decided_by,
        updated_at: at,
      }))
    ) {
      throw staleVersion(c);
    }
    await decisionsRepo.update(trx, decision.id, {
      status: 'sent_back',
      reviewed_by: actingUserId(ctx),
      reviewed_at: at,
      review_note: input.note ?? null,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'decision.sent_back',
        target: { type: 'case', id: c.id },
        data: { decisionId: decision.id, decidedBy: decision.decided_by, note: input.note },
      },
      now,
    );
    return { caseId: c.id, action: 'sent_back', status, assigneeId: decision.decided_by, version: c.version + 1, at };
  });
  ctx.bus.publish(change);
  return { status: change.status };
}

async function loadPending(trx: Trx, ctx: ServiceContext, decisionId: number) {
  const decision = await decisionsRepo.find(trx, decisionId);
  if (!decision) throw notFound('decision', decisionId);
  if (decision.status !== 'pending') {
    throw new DeskError(
      'CONFLICT',
      'decision_not_pending',
      `decision ${decisionId} is ${decision.status}, not waiting for approval`,
    );
  }
  // Four eyes means two different people: the decider can never approve their own decision.
  if (decision.decided_by === actingUserId(ctx)) {
    throw new DeskError(
      'FORBIDDEN',
      'four_eyes_same_person',
      'a decision must be approved by someone other than its author',
    );
  }
  const c = await casesRepo.find(trx, decision.case_id);
  if (!c) throw notFound('case', decision.case_id);
  return { decision, c };
}

import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DecideInput, DecideOutput, PreviewOutput } from '../../shared/api/decisions';
import { caseState } from '../../shared/audit/caseState';
import { guardDecision } from '../../shared/cases/decisionGuard';
import { transition } from '../../shared/cases/stateMachine';
import { noPenaltyPreview } from '../../shared/decisions/previewOfKind';
import { DeskError, type DeskErrorReason, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import type { CaseChange } from '../events/changeBus';
import { caseUnderDecision, loadDecisionActor } from './decisionActor';
import { takeEffect } from './decisionEffect';
import { violationIdOf } from './decisionIds';
import { decideIn, defaultViolationAt, ruleOf } from './decisionPath';
import { judgeProposal, previewOf, rulebookForFinding, validateFacts } from './decisionPreview';
import { actingUserId, type ServiceContext } from './serviceContext';
import { staleVersion } from './staleVersion';
import { subjectStanding } from './subjectStanding.service';

export { staleVersion } from './staleVersion';

type Trx = Transaction<Database>;

/** `cases.preview`: what a decision of this kind would do to the subject's standing. */
export async function previewDecision(
  ctx: ServiceContext,
  input: {
    caseId: number;
    rule?: string;
    facts: Record<string, unknown>;
    violationAt?: string;
    decision: PreviewOutput['kind'];
  },
): Promise<PreviewOutput> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    if (input.decision === 'dismiss' || input.decision === 'escalate') {
      const { points } = await subjectStanding(trx, ctx.rulebooks, c.subject_id, now);
      return noPenaltyPreview(input.decision, points);
    }
    const rule = ruleOf(c, input.rule);
    const rulebook = await rulebookForFinding(trx, ctx.rulebooks, c.subject_id, rule);
    const facts = validateFacts(rulebook, rule, input.facts);
    const violationAt = input.violationAt ?? (await defaultViolationAt(trx, c));
    const proposal = { id: 'proposed', subjectId: c.subject_id, rule, violationAt, facts };
    const judged = await judgeProposal(trx, rulebook, proposal, now);
    return previewOf(input.decision, judged, rulebook);
  });
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
      const one = await decideIn(trx, batchCtx, { ...input, id: c.id, version: c.version }, batchId);
      all.push({ ...one.output, caseId: c.id });
      allChanges.push(...one.changes);
    }
    return { results: all, changes: allChanges };
  });
  ctx.bus.publish(changes);
  return { batchId, results };
}

/**
 * A second person lets a pending decision take effect. It is judged again on today's record and
 * recorded now: the finding's punishments run from the approval, not from the submission.
 */
export async function approveDecision(ctx: ServiceContext, input: { decisionId: number; note?: string }) {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { decision, c } = await loadPending(trx, ctx, input.decisionId, 'approve');
    const rule = decision.rule ?? c.rule;
    const facts = decision.facts ?? {};
    const violationAt = decision.violation_at ?? c.created_at;
    const rulebook = await ctx.rulebooks.forSubject(trx, c.subject_id);
    const judged = await judgeProposal(
      trx,
      rulebook,
      { id: violationIdOf(decision.id), subjectId: c.subject_id, rule, violationAt, facts },
      now,
    );
    await decisionsRepo.update(trx, decision.id, {
      reviewed_by: actingUserId(ctx),
      reviewed_at: now.toISOString(),
      review_note: input.note ?? null,
    });
    // The case row is locked (by takeEffect's update) before the audit append lock is taken,
    // the same order as every other case change, so concurrent writers cannot deadlock.
    const effect = await takeEffect(trx, ctx, { c, decision, judged, rulebook, via: 'approve', now });
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
  const { note } = input;
  if (!note)
    throw new DeskError('BAD_REQUEST', 'note_required', 'say why the decision is sent back', { field: 'note' });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const change = await ctx.db.transaction().execute(async (trx) => {
    const { decision, c } = await loadPending(trx, ctx, input.decisionId, 'send_back');
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
      review_note: note,
      status_changed_by: actingUserId(ctx),
      status_changed_at: at,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'decision.sent_back',
        target: { type: 'case', id: c.id },
        data: {
          decisionId: decision.id,
          decidedBy: decision.decided_by,
          note,
          ...caseState(status, decision.decided_by),
        },
      },
      now,
    );
    return {
      caseId: c.id,
      action: 'sent_back',
      status,
      assigneeId: decision.decided_by,
      version: c.version + 1,
      at,
    } satisfies CaseChange;
  });
  ctx.bus.publish(change);
  return { status: change.status };
}

/** Loads a decision waiting for approval and its case, through the one decision guard. */
async function loadPending(trx: Trx, ctx: ServiceContext, decisionId: number, action: 'approve' | 'send_back') {
  const decision = await decisionsRepo.find(trx, decisionId);
  if (!decision) throw notFound('decision', decisionId);
  if (decision.status !== 'pending_approval') {
    throw new DeskError(
      'CONFLICT',
      'decision_not_pending',
      `decision ${decisionId} is ${decision.status}, not waiting for approval`,
    );
  }
  const c = await casesRepo.find(trx, decision.case_id);
  if (!c) throw notFound('case', decision.case_id);
  guardDecision(caseUnderDecision(c, decision.decided_by), await loadDecisionActor(trx, ctx), action);
  return { decision, c };
}

/**
 * `approvals.list`: decisions waiting for a second person, oldest first, each saying whether the
 * caller may review it (not their own, and a queue they work: the same guard as approving).
 */
export async function pendingApprovals(ctx: ServiceContext, limit = 200) {
  const actor = await loadDecisionActor(ctx.db, ctx);
  const rows = await decisionsRepo.pending(ctx.db, limit);
  return rows.map((r) => {
    let refusal: DeskErrorReason | null = null;
    try {
      guardDecision(
        { id: r.case_id, status: r.case_status, assigneeId: null, queue: r.queue, authorId: r.decided_by },
        actor,
        'approve',
      );
    } catch (err) {
      if (!(err instanceof DeskError)) throw err;
      refusal = err.reason;
    }
    return {
      decisionId: r.id,
      caseId: r.case_id,
      kind: r.kind,
      rule: r.rule,
      reason: r.reason,
      approvalReasons: r.approval_reasons ?? [],
      preview: r.preview,
      decidedAt: r.decided_at,
      decidedBy: { id: r.decided_by, name: r.decided_by_name },
      subject: { id: r.subject_id, name: r.subject_name, platform: r.subject_platform },
      summary: r.summary,
      /** Why the caller may not approve or send it back (e.g. four_eyes_same_person), or null. */
      refusal,
    };
  });
}

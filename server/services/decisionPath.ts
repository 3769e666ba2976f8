import type { Transaction } from 'kysely';
import type { DecideInput, DecideOutput } from '../../shared/api/decisions';
import { guardDecision } from '../../shared/cases/decisionGuard';
import type { CaseEvent } from '../../shared/cases/stateMachine';
import { transition } from '../../shared/cases/stateMachine';
import { approvalReasons } from '../../shared/decisions/fourEyes';
import { DeskError, notFound } from '../../shared/errors/deskError';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { findCaseUnderDecision } from '../db/repositories/caseUnderDecision.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { CaseChange } from '../events/changeBus';
import { caseUnderDecision } from './decisionActor';
import { takeEffect } from './decisionEffect';
import { violationIdOf } from './decisionIds';
import { dismissOrEscalate, submitForApproval } from './decisionOutcomes';
import { judgeProposal, rulebookForFinding, validateFacts } from './decisionPreview';
import { answerGold } from './qaGoldServing';
import { actingUserId, type ServiceContext } from './serviceContext';
import { staleVersion } from './staleVersion';

type Trx = Transaction<Database>;
export type DecideResult = { output: DecideOutput; changes: CaseChange[] };

/** Violation time defaults to when the first report arrived: the conduct predates the decision. */
export async function defaultViolationAt(trx: Trx, c: CaseRow): Promise<string> {
  const first = (await reportsRepo.listForCase(trx, c.id))[0];
  return first?.created_at ?? c.created_at;
}

/** The decision panel offers the case's own family; judging it under another rule is a new case. */
export function ruleOf(c: CaseRow, requested?: string): string {
  const rule = requested ?? c.rule;
  if (rule !== c.rule) {
    throw new DeskError('BAD_REQUEST', 'rule_not_in_family', `case ${c.id} is about ${c.rule}, not ${rule}`, {
      field: 'rule',
    });
  }
  return rule;
}

/**
 * One decision on one case, inside the caller's transaction: load → guard (state machine, whose
 * case, queue membership) → hold the case → one outcome: dismiss or escalate; a finding that
 * waits for a second person; or a finding that takes effect now.
 */
export async function decideIn(
  trx: Trx,
  ctx: ServiceContext,
  input: DecideInput,
  batchId: string | null = null,
): Promise<DecideResult> {
  const now = ctx.clock.now();
  const actorId = actingUserId(ctx);
  const underDecision = await findCaseUnderDecision(trx, input.id, actorId);
  if (!underDecision) throw notFound('case', input.id);
  const { c: found, actorRole, actorInQueue } = underDecision;
  if (!actorRole) throw new DeskError('UNAUTHORIZED', 'unknown_user', 'sign in again');
  if (found.version !== input.version) throw staleVersion(found);
  // The guard asks only whether the actor works this case's queue.
  const actor = { id: actorId, role: actorRole, queues: actorInQueue && found.queue ? [found.queue] : [] };
  const event = guardDecision(caseUnderDecision(found), actor, 'decide');
  const c = await holdCase(trx, found, actor.id, event, now.toISOString());
  // A gold case's training copy: the answer is scored, nothing takes effect (qaGoldServing.ts).
  if (c.training) return answerGold(trx, ctx, c, await trainingAnswer(trx, ctx, c, input));

  const decision = {
    case_id: c.id,
    kind: input.decision,
    reason: input.reason,
    reason_template: input.reasonTemplate ?? null,
    decided_by: actor.id,
    decided_at: now.toISOString(),
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
    batch_id: batchId,
    status_changed_by: null,
    status_changed_at: null,
  };
  if (input.decision === 'dismiss' || input.decision === 'escalate') {
    return dismissOrEscalate(trx, ctx, { c, decision: { ...decision, kind: input.decision }, now });
  }

  const kind = input.decision;
  const rule = ruleOf(c, input.rule);
  const rulebook = await rulebookForFinding(trx, ctx.rulebooks, c.subject_id, rule);
  const violationAt = input.violationAt ?? (await defaultViolationAt(trx, c));
  const facts = validateFacts(rulebook, rule, input.facts ?? {}, violationAt);
  const decisionId = await decisionsRepo.insert(trx, {
    ...decision,
    rule,
    facts,
    violation_at: violationAt,
    status: 'pending_approval',
    approval_reasons: null,
    preview: null,
  });
  const judged = await judgeProposal(
    trx,
    rulebook,
    { id: violationIdOf(decisionId), subjectId: c.subject_id, rule, violationAt, facts },
    now,
  );
  const row = await decisionsRepo.find(trx, decisionId);
  if (!row) throw notFound('decision', decisionId);
  if (approvalReasons(kind, judged, rulebook.fourEyes).length) {
    return submitForApproval(trx, ctx, { c, decision: row, judged, rulebook, now });
  }
  const effect = await takeEffect(trx, ctx, { c, decision: row, judged, rulebook, via: 'decide', now });
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

/** The answer on a training copy, its rule and facts checked exactly as a real decision's are. */
async function trainingAnswer(trx: Trx, ctx: ServiceContext, c: CaseRow, input: DecideInput) {
  if (input.decision !== 'apply' && input.decision !== 'waive') return { decision: input.decision };
  const rule = ruleOf(c, input.rule);
  const rulebook = await rulebookForFinding(trx, ctx.rulebooks, c.subject_id, rule);
  const facts = validateFacts(rulebook, rule, input.facts ?? {}, input.violationAt);
  return { decision: input.decision, rule, facts };
}

/**
 * Deciding a case the actor does not hold (bulk, or a lead) hands it to them first with the
 * guard's event (null: theirs already): the record shows who decided.
 */
async function holdCase(trx: Trx, c: CaseRow, actorId: number, event: CaseEvent | null, at: string): Promise<CaseRow> {
  if (!event) return c;
  const status = transition(c.status, event);
  const held = { status, assignee_id: actorId, lease_until: null, updated_at: at };
  if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, held))) throw staleVersion(c);
  return { ...c, ...held, version: c.version + 1 };
}

import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { appealDecideInput } from '../../shared/api/appeals';
import { stopClock } from '../../shared/appeals/appealClock';
import { caseState } from '../../shared/audit/caseState';
import { transition } from '../../shared/cases/stateMachine';
import { statusAfterUpheldAppeal } from '../../shared/decisions/decisionStates';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { templateText } from '../../shared/messages/templates';
import { formatInstant } from '../../shared/rulebook/time';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import { appealsRepo } from '../db/repositories/appeals.repo';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { noticesRepo } from '../db/repositories/notices.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import type { AppealRow } from '../db/tables/appeals.table';
import type { CaseRow } from '../db/tables/cases.table';
import type { DecisionRow } from '../db/tables/decisions.table';
import { announceAppealDecision } from '../outbox/announceOutcomes';
import { recordDsaOverturn } from '../outbox/queueDsaStatement';
import type { Rulebooks } from '../rulebooks';
import { writeOutgoingMessage } from './caseMessageOut';
import { reliefViolationIdOf, violationIdOf } from './decisionIds';
import { validateFacts } from './decisionPreview';
import { recordFinding } from './findingRecord';
import { actingUserId, type ServiceContext } from './serviceContext';
import { staleVersion } from './staleVersion';

type DecideInput = z.infer<typeof appealDecideInput>;
type Trx = Transaction<Database>;
const DAY_MS = 86_400_000;
export const DEFAULT_EVIDENCE_DAYS = 3;

/**
 * An appeal is ruled on by someone else: never the author of the original decision, nor the
 * person who approved it (four-eyes would be two eyes otherwise).
 */
function assertIndependent(decision: DecisionRow, userId: number) {
  if (decision.decided_by === userId || decision.reviewed_by === userId) {
    throw new DeskError('FORBIDDEN', 'appeal_conflict_of_interest', 'you made or approved the decision under appeal');
  }
}

/** The appeals queue: the oldest appeal under review this officer may rule on, now theirs. */
export async function claimNextAppeal(ctx: ServiceContext): Promise<{ appealId: number } | null> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const held = await appealsRepo.heldBy(trx, userId);
    if (held) return { appealId: held.id };
    const queues = await queuesRepo.queueIdsOfUser(trx, userId);
    const candidate = await appealsRepo.claimCandidate(trx, userId, queues, isPostgres(trx));
    if (!candidate) return null;
    if (
      !(await appealsRepo.updateAtVersion(trx, candidate.id, candidate.version, {
        assignee_id: userId,
        updated_at: now.toISOString(),
      }))
    ) {
      return null;
    }
    await recordEvent(trx, ctx.audit, { action: 'appeal.claimed', target: { type: 'appeal', id: candidate.id } }, now);
    return { appealId: candidate.id };
  });
}

/** `appeals.decide`: approve (reverse, optionally with a lighter finding), reject, or ask for more evidence. */
export async function decideAppeal(ctx: ServiceContext, input: DecideInput): Promise<{ status: string }> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const appeal = await appealsRepo.find(trx, input.id);
    if (!appeal) throw notFound('appeal', input.id);
    if (appeal.status !== 'under_review') {
      throw new DeskError('CONFLICT', 'appeal_not_under_review', `appeal ${appeal.id} is ${appeal.status}`);
    }
    if (appeal.assignee_id && appeal.assignee_id !== userId) {
      throw new DeskError('CONFLICT', 'not_your_appeal', `appeal ${appeal.id} is assigned to someone else`);
    }
    const decision = await decisionsRepo.find(trx, appeal.decision_id);
    if (!decision) throw notFound('decision', appeal.decision_id);
    assertIndependent(decision, userId);
    const c = await casesRepo.find(trx, appeal.case_id);
    if (!c) throw notFound('case', appeal.case_id);

    if (input.decision === 'request_evidence') return requestEvidence(trx, ctx, { appeal, c, input, now });
    const approve = input.decision === 'approve';
    let reliefViolationId: string | null = null;
    if (approve) {
      reliefViolationId = await reverseFinding(trx, {
        c,
        decision,
        appeal,
        reliefFacts: input.reliefFacts,
        rulebooks: ctx.rulebooks,
        at,
      });
    } else if (input.falseEvidence) {
      await recordFalseEvidence(trx, ctx, { c, appeal, reason: input.reason, now });
    }
    const status = transition(c.status, approve ? 'appeal_upheld' : 'appeal_rejected');
    if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) throw staleVersion(c);
    if (
      !(await appealsRepo.updateAtVersion(trx, appeal.id, appeal.version, {
        status: approve ? 'approved' : 'rejected',
        assignee_id: userId,
        decided_by: userId,
        decided_at: at,
        outcome_reason: input.reason,
        relief_violation_id: reliefViolationId,
        updated_at: at,
      }))
    ) {
      throw new DeskError('CONFLICT', 'appeal_changed', `appeal ${appeal.id} changed; reload it`);
    }
    if (approve) {
      await recordDecisionReversed(trx, ctx, { decision, appeal, reliefViolationId, now });
      // Its DSA statement stays in the database (no withdrawal there): flagged as overturned here.
      await recordDsaOverturn(trx, ctx, { decisionId: decision.id, appealId: appeal.id, now });
    }
    await noticeOfOutcome(trx, { c, decision, approve, reason: input.reason, relief: Boolean(reliefViolationId), at });
    // Measures lifted (or a lighter finding's started) and the outcome, in this transaction (docs/OUTBOX.md).
    await announceAppealDecision(trx, {
      appealId: appeal.id,
      decisionId: decision.id,
      caseId: c.id,
      subjectId: c.subject_id,
      rule: decision.rule ?? c.rule,
      approved: approve,
      reason: input.reason,
      reversedViolation: approve ? violationIdOf(decision.id) : null,
      reliefViolation: reliefViolationId,
      falseEvidence: Boolean(!approve && input.falseEvidence),
      rulebook: await ctx.rulebooks.forSubject(trx, c.subject_id),
      now,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'appeal.decided',
        target: { type: 'case', id: c.id },
        data: {
          appealId: appeal.id,
          decisionId: decision.id,
          outcome: approve ? 'approved' : 'rejected',
          reason: input.reason,
          reversedViolation: approve ? violationIdOf(decision.id) : null,
          reliefViolation: reliefViolationId,
          falseEvidence: Boolean(!approve && input.falseEvidence),
          originalDecider: decision.decided_by,
          rule: decision.rule ?? c.rule,
          ...caseState(status, c.assignee_id),
        },
      },
      now,
    );
    return { status: approve ? 'approved' : 'rejected', caseId: c.id, caseStatus: status, version: c.version + 1 };
  });
  ctx.bus.publish({
    caseId: result.caseId,
    action: 'appeal_decided',
    status: result.caseStatus,
    assigneeId: null,
    version: result.version,
    at,
  });
  return { status: result.status };
}

/**
 * The violation is reversed, not deleted: the engine drops it and everything it triggered. With
 * partial relief a lighter finding takes its place, on record from now (its punishments run from
 * the appeal's ruling) but judged under the version of the original violation time.
 */
async function reverseFinding(
  trx: Trx,
  args: {
    c: CaseRow;
    decision: DecisionRow;
    appeal: AppealRow;
    reliefFacts?: Record<string, unknown>;
    rulebooks: Rulebooks;
    at: string;
  },
): Promise<string | null> {
  const { c, decision, appeal, at } = args;
  await violationsRepo.reverse(trx, violationIdOf(decision.id), at, `appeal:${appeal.id}`);
  if (!args.reliefFacts) return null;
  const rule = decision.rule ?? c.rule;
  const rulebook = await args.rulebooks.forSubject(trx, c.subject_id);
  const id = reliefViolationIdOf(decision.id, appeal.id);
  const violationAt = decision.violation_at ?? c.created_at;
  await recordFinding(trx, {
    id,
    subjectId: c.subject_id,
    caseId: c.id,
    decisionId: decision.id,
    rule,
    violationAt,
    facts: validateFacts(rulebook, rule, args.reliefFacts, violationAt),
    recordedAt: at,
  });
  return id;
}

/** The decision's own state follows the appeal: overturned, or adjusted when a lighter finding replaced it. */
async function recordDecisionReversed(
  trx: Trx,
  ctx: ServiceContext,
  args: { decision: DecisionRow; appeal: AppealRow; reliefViolationId: string | null; now: Date },
) {
  const status = statusAfterUpheldAppeal(args.reliefViolationId !== null);
  const at = args.now.toISOString();
  await decisionsRepo.update(trx, args.decision.id, {
    status,
    status_changed_by: actingUserId(ctx),
    status_changed_at: at,
  });
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: status === 'adjusted' ? 'decision.adjusted' : 'decision.overturned',
      target: { type: 'case', id: args.decision.case_id },
      data: {
        decisionId: args.decision.id,
        status,
        previousStatus: args.decision.status,
        appealId: args.appeal.id,
        reversedViolation: violationIdOf(args.decision.id),
        reliefViolation: args.reliefViolationId,
      },
    },
    args.now,
  );
}

async function requestEvidence(
  trx: Trx,
  ctx: ServiceContext,
  args: { appeal: AppealRow; c: CaseRow; input: DecideInput; now: Date },
) {
  const { appeal, c, input, now } = args;
  const at = now.toISOString();
  const deadline = new Date(now.getTime() + (input.evidenceDays ?? DEFAULT_EVIDENCE_DAYS) * DAY_MS).toISOString();
  const status = transition(c.status, 'request_evidence');
  if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) throw staleVersion(c);
  // The appeal's review clock stops while the member gathers evidence (shared/appeals/appealClock.ts).
  const ok = await appealsRepo.updateAtVersion(trx, appeal.id, appeal.version, {
    status: 'pending_member',
    evidence_deadline: deadline,
    outcome_reason: input.reason,
    ...stopClock({ pausedAt: appeal.clock_paused_at }, at),
    updated_at: at,
  });
  if (!ok) throw new DeskError('CONFLICT', 'appeal_changed', `appeal ${appeal.id} changed; reload it`);
  // The request reaches the member through the case's thread; their reply (messages.submit) answers it.
  const offset = (await ctx.rulebooks.forSubject(trx, c.subject_id)).utcOffsetMinutes;
  const due = formatInstant(Date.parse(deadline), offset).slice(0, 16).replace('T', ' ');
  await writeOutgoingMessage(trx, ctx, {
    caseId: c.id,
    subjectId: c.subject_id,
    templateId: 'request-evidence',
    body: `${templateText('request-evidence', 'zh', { deadline: due })}\n${input.reason}`,
    appealId: appeal.id,
    replyBy: deadline,
    now,
  });
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'appeal.evidence_requested',
      target: { type: 'case', id: c.id },
      data: { appealId: appeal.id, deadline, reason: input.reason, ...caseState(status, c.assignee_id) },
    },
    now,
  );
  return { status: 'pending_member', caseId: c.id, caseStatus: status, version: c.version + 1 };
}

/** False evidence found in the appeal is its own violation (《淘宝虚假交易认定与处罚细则》, false appeal evidence: a warning first, then 6 points). */
async function recordFalseEvidence(
  trx: Trx,
  ctx: ServiceContext,
  args: { c: CaseRow; appeal: AppealRow; reason: string; now: Date },
) {
  const at = args.now.toISOString();
  const decisionId = await decisionsRepo.insert(trx, {
    case_id: args.c.id,
    kind: 'apply',
    rule: 'false-appeal-evidence',
    facts: {},
    violation_at: at,
    reason: args.reason,
    reason_template: null,
    status: 'effective',
    approval_reasons: [],
    preview: null,
    decided_by: actingUserId(ctx),
    decided_at: at,
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
    batch_id: null,
    status_changed_by: actingUserId(ctx),
    status_changed_at: at,
  });
  await recordFinding(trx, {
    id: violationIdOf(decisionId),
    subjectId: args.c.subject_id,
    caseId: args.c.id,
    decisionId,
    rule: 'false-appeal-evidence',
    violationAt: at,
    facts: {},
    recordedAt: at,
  });
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'case.false_appeal_evidence',
      target: { type: 'case', id: args.c.id },
      data: {
        appealId: args.appeal.id,
        decisionId,
        // What the decision row holds, so \`audit verify\` can reconcile it (shared/audit/expectedState.ts).
        decision: 'apply',
        rule: 'false-appeal-evidence',
        violationId: violationIdOf(decisionId),
        reason: args.reason,
      },
    },
    args.now,
  );
}

/** The subject is told the outcome, in both languages, on the case's notices. */
async function noticeOfOutcome(
  trx: Trx,
  args: { c: CaseRow; decision: DecisionRow; approve: boolean; reason: string; relief: boolean; at: string },
) {
  const zh = args.approve
    ? `【申诉结果通知】案件编号 ${args.c.id}：您的申诉已通过，${args.relief ? '原处理已变更为较轻的处理' : '原违规记录已撤销，相关扣分与处罚一并解除'}。理由：${args.reason}`
    : `【申诉结果通知】案件编号 ${args.c.id}：您的申诉未通过，原处理维持不变，违规记录保留两年。理由：${args.reason}`;
  const en = args.approve
    ? `[Appeal outcome] Case ${args.c.id}: your appeal is upheld; ${args.relief ? 'the decision is replaced by a lighter one' : 'the violation is reversed, with its points and measures'}. Reason: ${args.reason}`
    : `[Appeal outcome] Case ${args.c.id}: your appeal is rejected; the decision stands and the record is kept for two years. Reason: ${args.reason}`;
  await noticesRepo.insert(trx, {
    case_id: args.c.id,
    decision_id: args.decision.id,
    subject_id: args.c.subject_id,
    body_zh: zh,
    body_en: en,
    data: { kind: 'appeal_outcome', approved: args.approve, relief: args.relief, reason: args.reason },
    appeal_until: null,
    created_at: args.at,
  });
}

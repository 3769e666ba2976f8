import type { Transaction } from 'kysely';
import type { QaAdjudicationItem } from '../../shared/api/qa';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { renderNotice } from '../../shared/notices/renderNotice';
import type { QaOutcome, QaVerdict } from '../../shared/qa/verdict';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { noticesRepo } from '../db/repositories/notices.repo';
import { appealOpenOn, type QaTask, qaRepo } from '../db/repositories/qa.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { usersRepo } from '../db/repositories/users.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import { announceEnforcement } from '../outbox/announceEnforcement';
import { idempotencyKey } from '../outbox/idempotencyKey';
import { recordOutbox } from '../outbox/recordOutbox';
import { noticeOf } from './decisionEffect';
import { violationIdOf } from './decisionIds';
import { judgeProposal, previewOf } from './decisionPreview';
import { recordFinding } from './findingRecord';
import { checkedVerdict, type TaskSetting, taskSetting } from './qaScoring';
import { actingUserId, type ServiceContext } from './serviceContext';

type Trx = Transaction<Database>;

/** The finding a correction puts in the first decision's place. */
export const correctedViolationIdOf = (decisionId: number, taskId: number) => `V${decisionId}-Q${taskId}`;

const ownDecision = (task: QaTask, userId: number) => task.reviewerId === userId || task.approverId === userId;

/** Nobody adjudicates a decision they made or approved, nor a QA verdict they gave. */
function mayAdjudicate(task: QaTask, userId: number): boolean {
  return !ownDecision(task, userId) && task.qaReviewerId !== userId;
}

function assertMayAdjudicate(task: QaTask, userId: number): void {
  if (ownDecision(task, userId)) {
    throw new DeskError('FORBIDDEN', 'qa_own_decision', 'you made or approved this decision');
  }
  if (task.qaReviewerId === userId) throw new DeskError('FORBIDDEN', 'qa_own_task', 'this QA verdict is yours');
}

/** `qa.adjudications`: disagreements waiting for a lead, both verdicts side by side, oldest first. */
export async function listAdjudications(
  ctx: ServiceContext,
  input: { queueId?: string },
): Promise<QaAdjudicationItem[]> {
  const userId = actingUserId(ctx);
  const tasks = await qaRepo.disagreed(ctx.db, input.queueId);
  const names = new Map<number, string>();
  const nameOf = async (id: number) => {
    if (!names.has(id)) names.set(id, (await usersRepo.findById(ctx.db, id))?.display_name ?? String(id));
    return { id, name: names.get(id) as string };
  };
  const items: QaAdjudicationItem[] = [];
  for (const t of tasks) {
    const setting = await taskSetting(ctx.db, ctx.rulebooks, t);
    const { decision } = setting;
    if (!t.verdict || !t.scores || t.qaReviewerId === null) continue;
    items.push({
      taskId: t.id,
      caseId: t.caseId,
      decisionId: t.decisionId,
      queue: t.queueId,
      subjectId: setting.c.subject_id,
      first: {
        decision: setting.first.decision,
        rule: setting.first.rule ?? null,
        facts: setting.first.facts ?? null,
        reason: decision.reason,
        by: await nameOf(decision.decided_by),
        at: decision.decided_at,
      },
      second: { ...t.verdict, by: await nameOf(t.qaReviewerId), at: t.submittedAt ?? t.sampledAt },
      scores: t.scores,
      submittedAt: t.submittedAt ?? t.sampledAt,
      canAdjudicate: mayAdjudicate(t, userId),
    });
  }
  return items;
}

interface Ruling {
  decisionStatus: 'effective' | 'adjusted' | 'overturned';
  reversedViolation: string | null;
  correctedViolation: string | null;
  noticeId: number | null;
}

/**
 * `qa.adjudicate`: a lead settles a disagreement. `uphold`: the first decision stands.
 * `correct`: it becomes the QA verdict; `reverse`: its finding is reversed. Both go the way an
 * upheld appeal goes, in this one transaction: the finding reversed (and the corrected one put on
 * record from now), the decision `adjusted` or `overturned`, a notice to the subject, and the
 * marketplace told through the outbox what was lifted or started and the new statement of reasons.
 */
export async function adjudicate(ctx: ServiceContext, input: { taskId: number; outcome: QaOutcome; note: string }) {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const task = await qaRepo.findForUpdate(trx, input.taskId, isPostgres(trx));
    if (!task) throw notFound('qa_task', input.taskId);
    assertMayAdjudicate(task, userId);
    if (task.status !== 'disagreed' || !task.verdict) {
      throw new DeskError('CONFLICT', 'qa_task_state', `QA task ${task.id} is ${task.status}`);
    }
    const setting = await taskSetting(trx, ctx.rulebooks, task);
    const ruling =
      input.outcome === 'uphold'
        ? upheld(setting)
        : await rule(trx, ctx, { task, setting, outcome: input.outcome, note: input.note, now });
    const status = input.outcome === 'uphold' ? 'upheld' : input.outcome === 'correct' ? 'corrected' : 'reversed';
    const change = { status, leadNote: input.note, adjudicatedBy: userId, adjudicatedAt: at } as const;
    if (!(await qaRepo.updateFrom(trx, task.id, 'disagreed', change, at))) {
      throw new DeskError('CONFLICT', 'qa_task_state', `QA task ${task.id} changed; reload it`);
    }
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.adjudicated',
        target: { type: 'case', id: task.caseId },
        data: {
          taskId: task.id,
          decisionId: task.decisionId,
          outcome: input.outcome,
          note: input.note,
          originalDecider: task.reviewerId,
          ...ruling,
        },
      },
      now,
    );
    return { status, decisionStatus: ruling.decisionStatus, noticeId: ruling.noticeId } as const;
  });
}

function upheld(setting: TaskSetting): Ruling {
  const s = setting.decision.status;
  const decisionStatus = s === 'adjusted' || s === 'overturned' ? s : 'effective';
  return { decisionStatus, reversedViolation: null, correctedViolation: null, noticeId: null };
}

async function rule(
  trx: Trx,
  ctx: ServiceContext,
  args: { task: QaTask; setting: TaskSetting; outcome: 'correct' | 'reverse'; note: string; now: Date },
): Promise<Ruling> {
  const { task, setting, note, now } = args;
  const { c, decision, rulebook } = setting;
  const at = now.toISOString();
  if (decision.status !== 'effective' || (await appealOpenOn(trx, decision.id))) {
    throw new DeskError(
      'CONFLICT',
      'qa_decision_changed',
      `decision ${decision.id} is ${decision.status} or under appeal`,
    );
  }
  const firstOnRecord = decision.kind === 'apply';
  if (args.outcome === 'reverse' && !firstOnRecord) {
    throw new DeskError('BAD_REQUEST', 'qa_nothing_to_reverse', `decision ${decision.id} put no finding on record`, {
      field: 'outcome',
    });
  }
  // The QA verdict is checked again as a decision would be: the rulebook may have moved on.
  const stored = task.verdict as NonNullable<QaTask['verdict']>;
  const target: QaVerdict =
    args.outcome === 'reverse'
      ? { decision: 'dismiss' }
      : checkedVerdict(setting, {
          decision: stored.decision,
          ...(stored.rule === null ? {} : { rule: stored.rule }),
          ...(stored.facts === null ? {} : { facts: stored.facts }),
        });

  const reversedViolation = firstOnRecord ? violationIdOf(decision.id) : null;
  if (reversedViolation) await violationsRepo.reverse(trx, reversedViolation, at, `qa:${task.id}`);
  let correctedViolation: string | null = null;
  let noticeId: number;
  if (target.decision === 'dismiss') {
    noticeId = await plainNotice(trx, { c, decisionId: decision.id, taskId: task.id, firstOnRecord, note, at });
  } else {
    const rule = target.rule ?? c.rule;
    const facts = target.facts ?? {};
    const id = correctedViolationIdOf(decision.id, task.id);
    const violationAt = setting.context.violationAt;
    const judged = await judgeProposal(trx, rulebook, { id, subjectId: c.subject_id, rule, violationAt, facts }, now);
    if (target.decision === 'apply') {
      await recordFinding(trx, {
        id,
        subjectId: c.subject_id,
        caseId: c.id,
        decisionId: decision.id,
        rule,
        violationAt,
        facts,
        recordedAt: at,
      });
      correctedViolation = id;
    }
    const preview = previewOf(target.decision, judged, rulebook);
    const subject = await subjectsRepo.find(trx, c.subject_id);
    const notice = {
      ...noticeOf({ c, decision: { ...decision, reason: note }, subject, rulebook, rule, facts, preview, at }),
      // A corrected decision is the lead's ruling on review: there is no further appeal window.
      appealUntil: null,
    };
    const text = renderNotice(notice, rulebook);
    noticeId = await noticesRepo.insert(trx, {
      case_id: c.id,
      decision_id: decision.id,
      subject_id: c.subject_id,
      body_zh: text.zh,
      body_en: text.en,
      data: notice,
      appeal_until: null,
      created_at: at,
    });
    await recordOutbox(
      trx,
      {
        type: 'notice.issued',
        key: idempotencyKey('notice.issued', [decision.id, 'qa', task.id]),
        subjectId: c.subject_id,
        caseId: c.id,
        body: {
          noticeId,
          decisionId: decision.id,
          decision: notice.decision,
          rule: notice.rule.id,
          ruleVersion: notice.rule.version,
          ledger: notice.ledger,
          points: notice.points,
          outcome: notice.outcome,
          measures: notice.measures.map((m) => ({ measure: m.id, from: m.from, until: m.until })),
          demotions: notice.demotions,
          appealUntil: null,
          automatedDetection: notice.automatedDetection,
          text,
        },
      },
      now,
    );
  }
  // What the reversal lifted and the corrected finding started, told to the marketplace.
  await announceEnforcement(trx, {
    subjectId: c.subject_id,
    rulebook,
    now,
    cause: { kind: 'qa', taskId: task.id, decisionId: decision.id, caseId: c.id },
  });
  const decisionStatus = correctedViolation ? 'adjusted' : reversedViolation ? 'overturned' : 'effective';
  if (decisionStatus !== 'effective') {
    await decisionsRepo.update(trx, decision.id, {
      status: decisionStatus,
      status_changed_by: actingUserId(ctx),
      status_changed_at: at,
    });
  }
  return { decisionStatus, reversedViolation, correctedViolation, noticeId };
}

/** The subject is told, in both languages, that the decision was reversed or found no violation after all. */
async function plainNotice(
  trx: Trx,
  args: {
    c: { id: number; subject_id: string };
    decisionId: number;
    taskId: number;
    firstOnRecord: boolean;
    note: string;
    at: string;
  },
): Promise<number> {
  const { c, note } = args;
  const zh = args.firstOnRecord
    ? `【处理更正通知】案件编号 ${c.id}：经质量复核，原处理已撤销，违规记录及相关扣分与处罚一并解除。说明：${note}`
    : `【处理更正通知】案件编号 ${c.id}：经质量复核，原处理已更正为不构成违规。说明：${note}`;
  const en = args.firstOnRecord
    ? `[Decision corrected] Case ${c.id}: on quality review, the decision is reversed, with its violation, points and measures. Note: ${note}`
    : `[Decision corrected] Case ${c.id}: on quality review, the decision is corrected to no violation. Note: ${note}`;
  return noticesRepo.insert(trx, {
    case_id: c.id,
    decision_id: args.decisionId,
    subject_id: c.subject_id,
    body_zh: zh,
    body_en: en,
    data: { kind: 'qa_outcome', taskId: args.taskId, reversed: args.firstOnRecord, reason: note },
    appeal_until: null,
    created_at: args.at,
  });
}

import type { z } from 'zod';
import type { QaSubmitInput, QaTaskView, qaMineOutput, qaPreviewOutput } from '../../shared/api/qa';
import { can } from '../../shared/auth/roles';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { scoreVerdict } from '../../shared/qa/score';
import { judgesFinding } from '../../shared/qa/verdict';
import { previewFinding } from '../../shared/rulebook';
import { recordEvent } from '../audit/recordEvent';
import { isPostgres } from '../db/migrations/helpers';
import { type QaTask, qaRepo } from '../db/repositories/qa.repo';
import { getCase } from './caseDetail.service';
import { loadDecisionActor } from './decisionActor';
import { checkedVerdict, taskSetting } from './qaScoring';
import { actingUserId, type ServiceContext } from './serviceContext';

/**
 * `qa.next`: the task the caller already holds, else the oldest open one they may review (in a
 * queue they work, every queue for a lead; not a decision they made or approved), now theirs. Parallel calls never hand one task twice: the
 * candidate row is locked and skipped by other claimers on PostgreSQL, SQLite writers take
 * turns, and the take only succeeds while the task is still open.
 */
export async function nextQaTask(ctx: ServiceContext): Promise<{ taskId: number; caseId: number } | null> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const held = await qaRepo.heldBy(trx, userId);
    if (held) return { taskId: held.id, caseId: held.caseId };
    // Qualified: a reviewer QAs the queues they may decide in; a lead (queues.manage) every queue.
    const actor = await loadDecisionActor(trx, ctx);
    const queues = can(actor.role, 'queues.manage') ? 'all' : actor.queues;
    const candidate = await qaRepo.claimCandidate(trx, userId, queues, isPostgres(trx));
    if (!candidate) return null;
    const taken = { status: 'taken', qaReviewerId: userId, takenAt: now.toISOString() } as const;
    if (!(await qaRepo.updateFrom(trx, candidate.id, 'open', taken, now.toISOString()))) return null;
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'qa.task_taken', target: { type: 'case', id: candidate.case_id }, data: { taskId: candidate.id } },
      now,
    );
    return { taskId: candidate.id, caseId: candidate.case_id };
  });
}

/** A task only its QA reviewer may look at or answer. */
async function heldTask(ctx: ServiceContext, taskId: number): Promise<QaTask> {
  const task = await qaRepo.find(ctx.db, taskId);
  if (!task) throw notFound('qa_task', taskId);
  if (task.qaReviewerId !== actingUserId(ctx)) {
    throw new DeskError('FORBIDDEN', 'qa_task_not_yours', `QA task ${taskId} is not yours`);
  }
  return task;
}

/**
 * `qa.task`: the blind view. The case as reported (subject, reports, evidence) and nothing the
 * first decision left behind: no status, decision, notices, timeline, standing, assignee, notes
 * or linked cases' states, and reporters' credibility (which the decision moved) left out.
 */
export async function getQaTask(ctx: ServiceContext, taskId: number): Promise<QaTaskView> {
  const task = await heldTask(ctx, taskId);
  const c = await getCase(ctx, task.caseId);
  return {
    taskId: task.id,
    status: task.status,
    mine: task.status === 'taken',
    case: {
      id: c.id,
      rule: c.rule,
      source: c.source,
      summary: c.summary,
      queue: c.queue,
      createdAt: c.createdAt,
      subject: c.subject,
      reports: c.reports.map((r) => ({ ...r, reporterCredibility: null })),
      evidence: c.evidence,
    },
    // The default a decision starts from (the first report), not the time the first reviewer chose.
    violationAt: c.reports[0]?.createdAt ?? c.createdAt,
  };
}

/** `qa.preview`: what the QA reviewer's verdict is worth on the record the first decision met. */
export async function previewQaVerdict(
  ctx: ServiceContext,
  input: { taskId: number; decision: 'apply' | 'waive' | 'dismiss'; rule?: string; facts?: Record<string, unknown> },
): Promise<z.infer<typeof qaPreviewOutput>> {
  const task = await heldTask(ctx, input.taskId);
  const setting = await taskSetting(ctx.db, ctx.rulebooks, task);
  const verdict = checkedVerdict(setting, input);
  if (!judgesFinding(verdict)) return { ledger: '', points: 0, measures: [], basis: { zh: '', en: '' } };
  const { history, asOf, violationAt } = setting.context;
  const p = previewFinding(
    history,
    asOf,
    { id: 'qa-verdict', rule: verdict.rule, at: violationAt, recordedAt: asOf, facts: verdict.facts ?? {} },
    setting.rulebook,
  );
  return { ledger: p.ledger, points: p.points, measures: [...p.finding.measures].sort(), basis: p.finding.basis };
}

/**
 * `qa.submit`: the QA reviewer's own verdict, checked like a decision and scored field by field
 * against the first decision. Agreement closes the task; a disagreement waits for a lead. It
 * never touches the subject's standing: only an adjudication can.
 */
export async function submitQaVerdict(ctx: ServiceContext, input: QaSubmitInput) {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const task = await qaRepo.findForUpdate(trx, input.taskId, isPostgres(trx));
    if (!task) throw notFound('qa_task', input.taskId);
    if (task.qaReviewerId !== userId) {
      throw new DeskError('FORBIDDEN', 'qa_task_not_yours', `QA task ${task.id} is not yours`);
    }
    if (task.status !== 'taken') {
      throw new DeskError('CONFLICT', 'qa_task_state', `QA task ${task.id} is ${task.status}`);
    }
    const setting = await taskSetting(trx, ctx.rulebooks, task);
    const verdict = checkedVerdict(setting, input);
    const scores = scoreVerdict(setting.rulebook, setting.first, verdict, setting.context);
    const status = scores.agreed ? 'agreed' : 'disagreed';
    const stored = {
      decision: verdict.decision,
      rule: verdict.rule ?? null,
      facts: verdict.facts ?? null,
      reason: input.reason,
    };
    const change = { status, verdict: stored, scores, submittedAt: at } as const;
    if (!(await qaRepo.updateFrom(trx, task.id, 'taken', change, at))) {
      throw new DeskError('CONFLICT', 'qa_task_state', `QA task ${task.id} changed; reload it`);
    }
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.submitted',
        target: { type: 'case', id: task.caseId },
        data: { taskId: task.id, decisionId: task.decisionId, ...stored, agreed: scores.agreed, scores },
      },
      now,
    );
    return { status, scores } as const;
  });
}

/** `qa.mine`: the caller's own sampled decisions, what QA made of them and the lead's note. */
export async function myQaResults(ctx: ServiceContext): Promise<z.infer<typeof qaMineOutput>> {
  const tasks = await qaRepo.ofReviewer(ctx.db, actingUserId(ctx), 200);
  return tasks.map((t) => ({
    taskId: t.id,
    caseId: t.caseId,
    decisionId: t.decisionId,
    status: t.status,
    sampledAt: t.sampledAt,
    scores: t.scores,
    verdict: t.verdict,
    leadNote: t.leadNote,
    adjudicatedAt: t.adjudicatedAt,
  }));
}

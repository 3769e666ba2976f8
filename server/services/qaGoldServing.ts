import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { caseState } from '../../shared/audit/caseState';
import { transition } from '../../shared/cases/stateMachine';
import { rankOf } from '../../shared/cases/triage';
import { type QaScores, SCORED_FIELDS, scoreVerdict } from '../../shared/qa/score';
import type { QaVerdict } from '../../shared/qa/verdict';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { type GoldRow, qaGoldRepo } from '../db/repositories/qaGold.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { CaseChange } from '../events/changeBus';
import type { DecideResult } from './decisionPath';
import { actingUserId, type ServiceContext } from './serviceContext';

type Trx = Transaction<Database>;

/**
 * `queue.next`, gold half: with the queue's gold rate as probability, the reviewer is handed a
 * gold case's training copy instead of the case they would have got. Only when a real case
 * was waiting (an empty queue serves nothing, so a gold copy never stands out as the only work),
 * and only gold the reviewer has not answered, did not decide the real case of, and nobody
 * else holds a copy of. One draw of `ctx.random` per call in a queue with a rate.
 */
export async function serveGoldInstead(
  ctx: ServiceContext,
  trx: Trx,
  opts: { userId: number; queue?: string; except?: number; now: Date; leaseUntil: string },
): Promise<CaseChange | null> {
  const at = opts.now.toISOString();
  // Most desks run without gold: one look at a tiny table, then the ordinary claim.
  if (!(await qaGoldRepo.rates(trx)).some((r) => r.percent > 0)) return null;
  const waiting = await casesRepo.claimCandidateOfMember(trx, {
    userId: opts.userId,
    queue: opts.queue,
    now: at,
    except: opts.except,
  });
  if (!waiting) return null;
  const queue = (await casesRepo.find(trx, waiting.id))?.queue;
  if (!queue) return null;
  const percent = (await qaGoldRepo.rateOf(trx, queue)) ?? 0;
  if (percent <= 0) return null;
  const draw = (ctx.random ?? Math.random)();
  if (draw * 100 >= percent) return null;
  const [pick] = await qaGoldRepo.servable(trx, opts.userId);
  const gold = pick && (await qaGoldRepo.find(trx, pick.id));
  if (!gold) return null;

  const status = transition('triaged', 'claim');
  const idle = await qaGoldRepo.idleCopy(trx, gold.training_subject_id);
  let caseId: number;
  let version: number;
  if (idle) {
    const held = { status, queue, assignee_id: opts.userId, lease_until: opts.leaseUntil, updated_at: at };
    if (!(await casesRepo.updateAtVersion(trx, idle.id, idle.version, held))) return null;
    caseId = idle.id;
    version = idle.version + 1;
  } else {
    caseId = await newCopy(trx, gold, {
      status,
      queue,
      assigneeId: opts.userId,
      leaseUntil: opts.leaseUntil,
      now: opts.now,
    });
    version = 1;
  }
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'qa.gold.served',
      target: { type: 'case', id: caseId },
      data: { goldId: gold.id, queueId: queue, created: !idle, ...caseState(status, opts.userId) },
    },
    opts.now,
  );
  return { caseId, action: 'claimed', status, assigneeId: opts.userId, version, at };
}

/** A fresh training copy of a gold case, from its redacted snapshot, on its training subject. */
export async function newCopy(
  trx: Trx,
  gold: Pick<GoldRow, 'snapshot' | 'training_subject_id' | 'rule'>,
  c: {
    status: CaseRow['status'];
    queue: string | null;
    assigneeId: number | null;
    leaseUntil: string | null;
    now: Date;
  },
): Promise<number> {
  const at = c.now.toISOString();
  const { snapshot } = gold;
  return qaGoldRepo.insertCopy(
    trx,
    snapshot,
    {
      subjectId: gold.training_subject_id,
      rule: gold.rule,
      status: c.status,
      queue: c.queue,
      assigneeId: c.assigneeId,
      leaseUntil: c.leaseUntil,
      rank: rankOf(snapshot.priority, c.now),
      slaDueAt: snapshot.slaMs === null ? null : new Date(c.now.getTime() + snapshot.slaMs).toISOString(),
      at,
    },
    `qa-gold-${randomUUID()}`,
  );
}

/**
 * `cases.decide` on a training copy: the answer is a gold attempt, scored against the expected
 * verdict, and the copy closes. Nothing else happens: no decision row, no finding on any
 * record, no notice, no outbox message, no statement of reasons. The rule and facts are
 * checked as for a real decision, so a gold copy refuses exactly what a real case would.
 */
export async function answerGold(
  trx: Trx,
  ctx: ServiceContext,
  c: CaseRow,
  answer: QaVerdict | { decision: 'escalate' },
): Promise<DecideResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const gold = await qaGoldRepo.ofTrainingSubject(trx, c.subject_id);
  if (!gold) throw new Error(`training case ${c.id} has no gold case`);
  const rulebook = await ctx.rulebooks.forSubject(trx, c.subject_id);
  const scores = scoreOf(rulebook, gold.expected, answer, at);
  const event = answer.decision === 'apply' || answer.decision === 'waive' ? 'decide' : 'dismiss';
  const status = transition(c.status, event);
  const closed = { status, lease_until: null, closed_at: at, updated_at: at };
  if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, closed))) {
    throw new Error(`training case ${c.id} changed under its answer`);
  }
  const reviewerId = actingUserId(ctx);
  await qaGoldRepo.insertAttempt(trx, {
    goldId: gold.id,
    caseId: c.id,
    reviewerId,
    queue: c.queue,
    answer: answer as QaVerdict,
    scores,
    correct: scores.agreed,
    at,
  });
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'qa.gold.answered',
      target: { type: 'case', id: c.id },
      data: {
        goldId: gold.id,
        answer,
        correct: scores.agreed,
        scores: { ...scores },
        ...caseState(status, c.assignee_id),
      },
    },
    now,
  );
  return {
    // No decision row is written for a training copy: 0 names none.
    output: { status, decisionId: 0, requiresApproval: false, approvalReasons: [], noticeId: null },
    changes: [{ caseId: c.id, action: 'decided', status, assigneeId: c.assignee_id, version: c.version + 1, at }],
  };
}

/** Field-by-field, as QA scores a second opinion; an escalation judges nothing and matches no verdict. */
function scoreOf(
  rulebook: Parameters<typeof scoreVerdict>[0],
  expected: QaVerdict,
  answer: QaVerdict | { decision: 'escalate' },
  at: string,
): QaScores {
  if (answer.decision === 'escalate') {
    const none = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 'disagree'])) as Record<
      (typeof SCORED_FIELDS)[number],
      'disagree'
    >;
    return { ...none, agreed: false, effects: { first: null, second: null } };
  }
  return scoreVerdict(rulebook, expected, answer as QaVerdict, { history: { violations: [] }, asOf: at });
}

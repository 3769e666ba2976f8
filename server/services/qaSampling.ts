import type { Transaction } from 'kysely';
import { type EffectiveDecision, sampleReason } from '../../shared/qa/sampling';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { qaRepo } from '../db/repositories/qa.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { ServiceContext } from './serviceContext';

/**
 * A decision has just taken effect (decided, approved, or dismissed): sample it for QA under its
 * case's queue policy, in the decision's own transaction, so a decision is sampled exactly when
 * it takes effect and never twice (the task's decision is unique). A queue without a policy
 * samples nothing.
 */
export async function sampleForQa(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  args: {
    c: Pick<CaseRow, 'id' | 'queue' | 'rule'>;
    decisionId: number;
    decidedBy: number;
    approvedBy: number | null;
    decision: EffectiveDecision;
    now: Date;
  },
): Promise<number | null> {
  const { c, now } = args;
  if (!c.queue) return null;
  const policy = await qaRepo.policy(trx, c.queue);
  if (!policy) return null;
  const reason = sampleReason(policy, args.decision, ctx.random ?? Math.random);
  if (!reason) return null;
  const at = now.toISOString();
  const taskId = await qaRepo.insertTask(trx, {
    case_id: c.id,
    decision_id: args.decisionId,
    queue_id: c.queue,
    rule: args.decision.rule,
    reviewer_id: args.decidedBy,
    approver_id: args.approvedBy,
    sample_reason: reason,
    sampled_at: at,
  });
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'qa.sampled',
      target: { type: 'case', id: c.id },
      data: { taskId, decisionId: args.decisionId, sampleReason: reason },
    },
    now,
  );
  return taskId;
}

import type { QaPolicy, QaSetPolicyInput } from '../../shared/api/qa';
import { notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { qaRepo } from '../db/repositories/qa.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { actingUserId, type ServiceContext } from './serviceContext';

/**
 * `qa.setPolicy`: a lead sets how a queue's effective decisions are sampled; it applies to
 * decisions that take effect from now on. Options left out are off (a policy is set whole).
 */
export async function setQaPolicy(ctx: ServiceContext, input: QaSetPolicyInput): Promise<QaPolicy> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  const policy = {
    percent: input.percent,
    alwaysRules: [...new Set(input.alwaysRules ?? [])].sort(),
    alwaysSeals: input.alwaysSeals ?? false,
    alwaysSeriousWaivers: input.alwaysSeriousWaivers ?? false,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await queuesRepo.find(trx, input.queueId))) throw notFound('queue', input.queueId);
    await qaRepo.savePolicy(trx, input.queueId, policy, userId, now.toISOString());
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.policy_set',
        target: { type: 'queue', id: input.queueId },
        data: { queueId: input.queueId, ...policy },
      },
      now,
    );
  });
  const saved = await qaRepo.policy(ctx.db, input.queueId);
  if (!saved) throw notFound('queue', input.queueId);
  return saved;
}

/** `qa.policies`: every queue's policy (queues without one sample nothing). */
export function listQaPolicies(ctx: ServiceContext): Promise<QaPolicy[]> {
  return qaRepo.policies(ctx.db);
}

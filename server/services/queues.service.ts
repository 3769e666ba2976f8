import type { z } from 'zod';
import type { HeldCaseView, QueueView, queueSaveInput, routingRuleInput } from '../../shared/api/queues';
import { forecastReach } from '../../shared/cases/sla';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { queuePaces } from './queuePace';
import type { ServiceContext } from './serviceContext';

type QueueSave = z.infer<typeof queueSaveInput>;
type RoutingRuleSave = z.infer<typeof routingRuleInput>;

export async function listQueues(ctx: { db: Executor; clock: { now(): Date } }): Promise<QueueView[]> {
  const now = ctx.clock.now();
  const [queues, members, users, paces] = await Promise.all([
    queuesRepo.list(ctx.db),
    queuesRepo.members(ctx.db),
    ctx.db.selectFrom('users').select(['id', 'display_name', 'role', 'disabled_at']).execute(),
    queuePaces(ctx.db, now),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  return queues.map((q) => {
    const pace = paces.get(q.id) ?? { open: 0, closedPerDay: 0 };
    const clears = pace.open === 0 ? now : forecastReach(pace, pace.open - 1, now);
    return {
      id: q.id,
      nameZh: q.name_zh,
      nameEn: q.name_en,
      slaDays: q.sla_days,
      autoAssign: q.auto_assign === 1,
      holdLimit: q.hold_limit,
      memberRole: q.member_role,
      members: [
        ...users
          .filter((u) => q.member_role !== null && u.role === q.member_role && !u.disabled_at)
          .map((u) => ({ id: u.id, displayName: u.display_name, role: u.role, byRole: true })),
        ...members
          .filter((m) => m.queue_id === q.id && userById.get(m.user_id)?.role !== q.member_role)
          .flatMap((m) => {
            const u = userById.get(m.user_id);
            return u ? [{ id: u.id, displayName: u.display_name, role: u.role, byRole: false }] : [];
          }),
      ],
      open: pace.open,
      closedPerDay: Math.round(pace.closedPerDay * 100) / 100,
      clearsAt: clears?.toISOString() ?? null,
    };
  });
}

export async function saveQueue(ctx: ServiceContext, input: QueueSave): Promise<{ ok: true }> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await queuesRepo.find(trx, input.id);
    if (before && input.create)
      throw new DeskError('CONFLICT', 'queue_exists', `queue ${input.id} exists already`, { field: 'id' });
    await queuesRepo.upsert(
      trx,
      {
        id: input.id,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        sla_days: input.slaDays,
        auto_assign: input.autoAssign ? 1 : 0,
        hold_limit: input.holdLimit,
      },
      now.toISOString(),
    );
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: before ? 'queue.updated' : 'queue.created',
        target: { type: 'queue', id: input.id },
        data: { before: before ?? null, after: input },
      },
      now,
    );
  });
  return { ok: true };
}

/** Who holds which cases now, queue by queue, with each lease's end: what leads watch for pile-ups. */
export async function listHeldCases(db: Executor): Promise<HeldCaseView[]> {
  const rows = await casesRepo.held(db, HELD_CASES_SHOWN);
  return rows.map((r) => ({
    caseId: r.id,
    queue: r.queue,
    rule: r.rule,
    holder: { id: r.assignee_id as number, displayName: r.assignee_name },
    subject: { id: r.subject_id, name: r.subject_name, platform: r.subject_platform },
    leaseUntil: r.lease_until,
  }));
}

/** More held cases than a lead can read at once would mean something else is wrong. */
const HELD_CASES_SHOWN = 500;

export async function setQueueMembers(ctx: ServiceContext, input: { queueId: string; userIds: number[] }) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await queuesRepo.find(trx, input.queueId))) throw notFound('queue', input.queueId);
    const userIds = [...new Set(input.userIds)];
    const found = userIds.length ? await trx.selectFrom('users').select('id').where('id', 'in', userIds).execute() : [];
    if (found.length !== userIds.length)
      throw new DeskError('BAD_REQUEST', 'unknown_user', 'some users do not exist', { field: 'userIds' });
    const before = (await queuesRepo.members(trx)).filter((m) => m.queue_id === input.queueId).map((m) => m.user_id);
    await queuesRepo.setMembers(trx, input.queueId, userIds);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'queue.members_set',
        target: { type: 'queue', id: input.queueId },
        data: { before, after: userIds },
      },
      now,
    );
  });
  return { ok: true as const };
}

export async function saveRoutingRule(ctx: ServiceContext, input: RoutingRuleSave): Promise<{ id: number }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await queuesRepo.find(trx, input.queueId))) {
      throw new DeskError('BAD_REQUEST', 'queue_not_found', `queue ${input.queueId} does not exist`, {
        field: 'queueId',
      });
    }
    let id = input.id;
    if (id === undefined) id = await queuesRepo.insertRoutingRule(trx, input, now.toISOString());
    else if (!(await queuesRepo.updateRoutingRule(trx, { ...input, id }))) throw notFound('routing_rule', id);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: input.id === undefined ? 'routing_rule.created' : 'routing_rule.updated',
        target: { type: 'routing_rule', id },
        data: input,
      },
      now,
    );
    return { id };
  });
}

export async function deleteRoutingRule(ctx: ServiceContext, input: { id: number }) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await queuesRepo.deleteRoutingRule(trx, input.id))) throw notFound('routing_rule', input.id);
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'routing_rule.deleted', target: { type: 'routing_rule', id: input.id } },
      now,
    );
  });
  return { ok: true as const };
}

import { z } from 'zod';
import { heldCaseView, queueSaveInput, queueView, routingRuleInput, routingRuleView } from '../../../shared/api/queues';
import { queuesRepo } from '../../db/repositories/queues.repo';
import {
  deleteRoutingRule,
  listHeldCases,
  listQueues,
  saveQueue,
  saveRoutingRule,
  setQueueMembers,
} from '../../services/queues.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Queue administration: queues, their members, SLAs and routing rules (team leads). Mounted as `queues`. */
export const queueAdminRouter = router({
  list: permittedProcedure('cases.read')
    .output(z.array(queueView))
    .query(({ ctx }) => listQueues(ctx)),

  /** Every case someone holds now, with its holder and lease end (leads: who holds what). */
  held: permittedProcedure('queues.manage')
    .output(z.array(heldCaseView))
    .query(({ ctx }) => listHeldCases(ctx.db)),

  save: permittedProcedure('queues.manage')
    .input(queueSaveInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => saveQueue(serviceContext(ctx), input)),

  setMembers: permittedProcedure('queues.manage')
    .input(z.object({ queueId: z.string().min(1).max(64), userIds: z.array(z.number().int().positive()).max(500) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => setQueueMembers(serviceContext(ctx), input)),

  routingRules: permittedProcedure('cases.read')
    .output(z.array(routingRuleView))
    .query(({ ctx }) => queuesRepo.routingRules(ctx.db)),

  saveRoutingRule: permittedProcedure('queues.manage')
    .input(routingRuleInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => saveRoutingRule(serviceContext(ctx), input)),

  deleteRoutingRule: permittedProcedure('queues.manage')
    .input(z.object({ id: z.number().int().positive() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteRoutingRule(serviceContext(ctx), input)),
});

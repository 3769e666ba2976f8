import { z } from 'zod';
import {
  appealDecideInput,
  appealStatusOutput,
  appealSubmitInput,
  appealSubmitOutput,
  appealView,
} from '../../../shared/api/appeals';
import { overturnRates } from '../../../shared/appeals/overturnRates';
import { appealOutcomes } from '../../db/repositories/appeals.repo';
import { APPEAL_STATUSES } from '../../db/tables/appeals.table';
import { claimNextAppeal, decideAppeal } from '../../services/appealDecision.service';
import { appealStatusOfCase, getAppeal, listAppeals } from '../../services/appealQueries.service';
import { submitAppeal } from '../../services/appeals.service';
import { serviceContext } from '../context';
import { permittedProcedure, router, staffOrTokenProcedure } from '../trpc';

export const appealsRouter = router({
  /** The merchant portal (token with `appeals`) or staff entering an appeal for the member. */
  submit: staffOrTokenProcedure('appeals.intake', 'appeals')
    .input(appealSubmitInput)
    .output(appealSubmitOutput)
    .mutation(({ ctx, input }) => submitAppeal(serviceContext(ctx), input)),

  /** Stage and deadlines of a case as the member sees them (docs/MARKETPLACE.md §6). */
  status: staffOrTokenProcedure('cases.read', 'appeals')
    .input(z.object({ caseId: z.number().int().positive() }))
    .output(appealStatusOutput)
    .query(({ ctx, input }) => appealStatusOfCase(ctx.db, ctx.rulebooks, input.caseId, ctx.clock.now())),

  list: permittedProcedure('cases.read')
    .input(z.object({ statuses: z.array(z.enum(APPEAL_STATUSES)).max(5).optional() }).default({}))
    .output(z.array(appealView))
    .query(({ ctx, input }) => listAppeals(ctx.db, input.statuses, ctx.clock.now())),

  get: permittedProcedure('cases.read')
    .input(z.object({ id: z.number().int().positive() }))
    .output(appealView)
    .query(({ ctx, input }) => getAppeal(ctx.db, input.id, ctx.clock.now())),

  /** The appeals queue: never hands an officer an appeal on their own (or approved) decision. */
  next: permittedProcedure('appeals.decide')
    .output(z.object({ appealId: z.number() }).nullable())
    .mutation(({ ctx }) => claimNextAppeal(serviceContext(ctx))),

  /** How often appeals overturn decisions, per original reviewer and per rule (dashboard metric). */
  overturnRates: permittedProcedure('cases.read')
    .output(
      z.object({
        byReviewer: z.array(
          z.object({ key: z.string(), label: z.string(), ruled: z.number(), overturned: z.number(), rate: z.number() }),
        ),
        byRule: z.array(
          z.object({ key: z.string(), label: z.string(), ruled: z.number(), overturned: z.number(), rate: z.number() }),
        ),
      }),
    )
    .query(async ({ ctx }) => {
      const rows = await appealOutcomes(ctx.db);
      return {
        byReviewer: overturnRates(
          rows.map((r) => ({ key: String(r.decided_by), label: r.display_name, approved: r.status === 'approved' })),
        ),
        byRule: overturnRates(rows.map((r) => ({ key: r.rule, label: r.rule, approved: r.status === 'approved' }))),
      };
    }),

  decide: permittedProcedure('appeals.decide')
    .input(appealDecideInput)
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) => decideAppeal(serviceContext(ctx), input)),
});

import { z } from 'zod';
import { releaseCase } from '../../services/assignment.service';
import { runWrite } from '../../writer/runWrite';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

const reason = z.string().trim().min(1).max(500);

/** The reviewer's worklist: claim the next case, give one back. Mounted as `queue`. */
export const worklistRouter = router({
  /**
   * The most urgent claimable case of the caller's queues, now assigned to them; null when none.
   * `from`: the case they are moving on from, given back to its queue unless they `keep` it.
   */
  next: permittedProcedure('cases.claim')
    .input(
      z
        .object({
          queue: z.string().max(64).optional(),
          from: z.object({ caseId: z.number().int().positive(), keep: z.boolean().default(false) }).optional(),
        })
        .default({}),
    )
    .output(z.object({ caseId: z.number() }).nullable())
    .mutation(({ ctx, input }) => runWrite(serviceContext(ctx), ctx.writer, 'claimNext', input)),

  release: permittedProcedure('cases.claim')
    .input(z.object({ caseId: z.number().int().positive(), reason }))
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) => releaseCase(serviceContext(ctx), input)),

  /** Release, and do not offer this case to me again for a while. */
  skip: permittedProcedure('cases.claim')
    .input(z.object({ caseId: z.number().int().positive(), reason }))
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) => releaseCase(serviceContext(ctx), { ...input, skip: true })),
});

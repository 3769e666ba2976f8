import { z } from 'zod';
import { subjectStandingOnPlatform } from '../../services/subjectStanding.service';
import { permittedProcedure, router } from '../trpc';

export const accountsRouter = router({
  /**
   * The rulebook engine's standing of a subject (the output contract of docs/CONTRACTS.md, plus
   * extras), judged by its platform's rulebook and naming that `platform`.
   */
  standing: permittedProcedure('cases.read')
    .input(z.object({ subjectId: z.string().min(1).max(64), asOf: z.iso.datetime({ offset: true }).optional() }))
    .output(z.record(z.string(), z.unknown()))
    .query(async ({ ctx, input }) => {
      const result = await subjectStandingOnPlatform(
        ctx.db,
        ctx.rulebooks,
        input.subjectId,
        input.asOf ? new Date(input.asOf) : ctx.clock.now(),
      );
      return result as unknown as Record<string, unknown>;
    }),
});

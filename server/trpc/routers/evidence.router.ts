import { z } from 'zod';
import { markEvidenceViewed } from '../../services/evidence.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

export const evidenceRouter = router({
  /**
   * A case-page viewer opened a piece of evidence that has no file to download (an orders
   * table, a chat log, …): recorded like a download, so "who viewed which evidence" is complete.
   */
  markViewed: permittedProcedure('cases.read')
    .input(z.object({ evidenceId: z.number().int().positive() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => markEvidenceViewed(serviceContext(ctx), input.evidenceId)),
});

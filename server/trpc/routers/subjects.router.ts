import { z } from 'zod';
import { MIN_REVEAL_REASON_LENGTH, PII_FIELDS } from '../../../shared/pii/mask';
import { revealPii } from '../../services/pii.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

export const subjectsRouter = router({
  /** One masked field in clear, for a stated reason (audited as `pii.revealed`). */
  revealPii: permittedProcedure('pii.reveal')
    .input(
      z.object({
        subjectId: z.string().min(1).max(64),
        field: z.enum(PII_FIELDS),
        reason: z.string().trim().min(MIN_REVEAL_REASON_LENGTH).max(500),
        caseId: z.number().int().positive().optional(),
      }),
    )
    .output(z.object({ value: z.string() }))
    .mutation(({ ctx, input }) => revealPii(serviceContext(ctx), input)),
});

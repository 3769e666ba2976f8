import { z } from 'zod';
import { dsaSubmissionListInput, dsaSubmissionListOutput } from '../../../shared/api/dsa';
import type { Permission } from '../../../shared/auth/roles';
import { listDsaSubmissions, retryDsaSubmission } from '../../services/dsaSubmissions.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** The outbox page's DSA section: administrators, like the rest of the outbox. */
const OUTBOX_ADMIN: Permission = 'users.manage';

export const dsaRouter = router({
  /** Statements of reasons sent (or to be sent) to the DSA Transparency Database; not audited (a read). */
  submissions: permittedProcedure(OUTBOX_ADMIN)
    .input(dsaSubmissionListInput)
    .output(dsaSubmissionListOutput)
    .query(({ ctx, input }) =>
      listDsaSubmissions({ ...serviceContext(ctx), dsaEnabled: ctx.dsaEnabled ?? false }, input),
    ),
  /** Audited as `dsa.submission_retried`. */
  retry: permittedProcedure(OUTBOX_ADMIN)
    .input(z.object({ id: z.number().int().positive() }))
    .output(z.object({ status: z.literal('pending') }))
    .mutation(({ ctx, input }) => retryDsaSubmission(serviceContext(ctx), input)),
});

import { enforcementChangesInput, enforcementChangesOutput } from '../../../shared/api/outbox';
import { enforcementChanges } from '../../services/enforcementChanges.service';
import { router, staffOrTokenProcedure } from '../trpc';

export const enforcementRouter = router({
  /** The outbox as a feed, for integrations that poll instead of receiving webhooks. */
  changes: staffOrTokenProcedure('audit.read', 'enforcement')
    .input(enforcementChangesInput)
    .output(enforcementChangesOutput)
    .query(({ ctx, input }) => enforcementChanges(ctx.db, input)),
});

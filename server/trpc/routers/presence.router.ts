import { z } from 'zod';
import { presenceHeartbeatInput, presenceLeaveInput, presenceOutput } from '../../../shared/api/presence';
import { heartbeat, leave, viewersOf } from '../../services/presence.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Who else has a case open (not audited: see presence.service.ts). */
export const presenceRouter = router({
  heartbeat: permittedProcedure('cases.read')
    .input(presenceHeartbeatInput)
    .output(presenceOutput)
    .mutation(({ ctx, input }) => heartbeat(serviceContext(ctx), input)),

  leave: permittedProcedure('cases.read')
    .input(presenceLeaveInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => leave(serviceContext(ctx), input)),

  viewers: permittedProcedure('cases.read')
    .input(presenceLeaveInput)
    .output(presenceOutput)
    .query(({ ctx, input }) => viewersOf(serviceContext(ctx), input)),
});

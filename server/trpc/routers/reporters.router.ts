import { z } from 'zod';
import {
  reportersListInput,
  reportersMuteInput,
  reportersUnmuteInput,
  reporterView,
} from '../../../shared/api/messages';
import { getReporter, listReporters, muteReporter, unmuteReporter } from '../../services/reporters.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Reporters' scores (from the outcomes the desk already counts) and a lead's mute. */
export const reportersRouter = router({
  list: permittedProcedure('cases.read')
    .input(reportersListInput)
    .output(z.array(reporterView))
    .query(({ ctx, input }) => listReporters(ctx.db, input)),

  get: permittedProcedure('cases.read')
    .input(z.object({ reporterId: z.string().trim().min(1).max(128) }))
    .output(reporterView)
    .query(({ ctx, input }) => getReporter(ctx.db, input.reporterId)),

  /** Audited as `reporter.muted`: new reports are flagged and ranked lower, never refused. */
  mute: permittedProcedure('reporters.mute')
    .input(reportersMuteInput)
    .output(reporterView)
    .mutation(({ ctx, input }) => muteReporter(serviceContext(ctx), input)),

  /** Audited as `reporter.unmuted`. */
  unmute: permittedProcedure('reporters.mute')
    .input(reportersUnmuteInput)
    .output(reporterView)
    .mutation(({ ctx, input }) => unmuteReporter(serviceContext(ctx), input)),
});

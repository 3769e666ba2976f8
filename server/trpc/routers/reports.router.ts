import { reportSubmitInput, reportSubmitOutput } from '../../../shared/api/intake';
import { runWrite } from '../../writer/runWrite';
import { serviceContext } from '../context';
import { consume } from '../rateLimits';
import { router, staffOrTokenProcedure } from '../trpc';

export const reportsRouter = router({
  submit: staffOrTokenProcedure('cases.intake', 'intake')
    .input(reportSubmitInput)
    .output(reportSubmitOutput)
    .mutation(async ({ ctx, input }) => {
      await consume(
        ctx.limits.intake,
        ctx.integration ? `token:${ctx.integration.id}` : `user:${ctx.user?.id ?? ctx.ip}`,
      );
      return runWrite(serviceContext(ctx), ctx.writer, 'submitReport', input);
    }),
});

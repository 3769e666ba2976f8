import { dashboardMetricsOutput, metricsInput } from '../../../shared/api/metrics';
import { loadDashboardMetrics } from '../../services/metrics.service';
import { permittedProcedure, router, spendExpensiveBudget } from '../trpc';

/** The dashboard's figures. Everyone may ask; the service narrows them to what the caller may see. */
export const metricsRouter = router({
  dashboard: permittedProcedure('cases.read')
    .use(spendExpensiveBudget)
    .input(metricsInput)
    .output(dashboardMetricsOutput)
    .query(({ ctx, input }) =>
      loadDashboardMetrics(
        ctx.db,
        ctx.clock.now(),
        ctx.user,
        input.periodDays,
        // Days are one platform's days; every platform the desk serves today keeps Beijing time.
        (input.platform ? ctx.rulebooks.ofPlatform(input.platform) : ctx.rulebooks.default).utcOffsetMinutes,
        input.platform,
      ),
    ),
});

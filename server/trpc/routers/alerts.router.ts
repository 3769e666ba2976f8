import { z } from 'zod';
import {
  alertAccountActionInput,
  alertHandledOutput,
  alertListInput,
  alertListOutput,
  alertNoRiskInput,
  alertSubmitInput,
  alertSubmitOutput,
} from '../../../shared/api/alerts';
import { MIN_REVEAL_REASON_LENGTH } from '../../../shared/pii/mask';
import { actOnAlertAccount, markAlertsNoRisk } from '../../services/alertHandling.service';
import { submitAlert } from '../../services/alertIntake.service';
import { alertCounts, listAlerts, revealAlertPhone } from '../../services/alertQueries.service';
import { serviceContext } from '../context';
import { consume } from '../rateLimits';
import { permittedProcedure, router, staffOrTokenProcedure } from '../trpc';

/** Account-security risk alerts (docs/MARKETPLACE.md §7): intake, the pending/handled lists, and handling. */
export const alertsRouter = router({
  /** The marketplace's detection (token with `intake`), or staff entering one by hand. */
  submit: staffOrTokenProcedure('cases.intake', 'intake')
    .input(alertSubmitInput)
    .output(alertSubmitOutput)
    .mutation(async ({ ctx, input }) => {
      await consume(
        ctx.limits.intake,
        ctx.integration ? `token:${ctx.integration.id}` : `user:${ctx.user?.id ?? ctx.ip}`,
      );
      return submitAlert(serviceContext(ctx), input);
    }),

  list: permittedProcedure('cases.read')
    .input(alertListInput)
    .output(alertListOutput)
    .query(({ ctx, input }) => listAlerts(ctx.db, input)),

  counts: permittedProcedure('cases.read')
    .input(z.object({ subjectId: z.string().min(1).max(64).optional() }).default({}))
    .output(z.object({ pending: z.number(), handled: z.number() }))
    .query(({ ctx, input }) => alertCounts(ctx.db, input.subjectId)),

  /** "Verified, no risk": one alert or many, one batch id; the account's other alerts are untouched. */
  markNoRisk: permittedProcedure('alerts.handle')
    .input(alertNoRiskInput)
    .output(alertHandledOutput)
    .mutation(({ ctx, input }) => markAlertsNoRisk(serviceContext(ctx), input)),

  /** Disable or delete the sub-account, or force a password change: all its pending alerts are handled. */
  actOnAccount: permittedProcedure('alerts.handle')
    .input(alertAccountActionInput)
    .output(alertHandledOutput)
    .mutation(({ ctx, input }) => actOnAlertAccount(serviceContext(ctx), input)),

  /** The account phone in clear, for a stated reason (audited as `pii.revealed`). */
  revealPhone: permittedProcedure('pii.reveal')
    .input(
      z.object({ id: z.number().int().positive(), reason: z.string().trim().min(MIN_REVEAL_REASON_LENGTH).max(500) }),
    )
    .output(z.object({ value: z.string() }))
    .mutation(({ ctx, input }) => revealAlertPhone(serviceContext(ctx), input)),
});

import { z } from 'zod';
import {
  auditExportManifest,
  auditFacetsOutput,
  auditListInput,
  auditListOutput,
  auditVerifyOutput,
} from '../../../shared/api/audit';
import { DeskError } from '../../../shared/errors/deskError';
import { AUDIT_EXPORT_SCOPE, AUDIT_EXPORT_TICKET_MS, issueTicket } from '../../http/viewTicket';
import { auditFacets, listAuditEvents, verifyAuditTrail } from '../../services/audit.service';
import { exportManifest } from '../../services/auditExport.service';
import { permittedProcedure, router, spendExpensiveBudget } from '../trpc';

export const auditRouter = router({
  list: permittedProcedure('audit.read')
    .input(auditListInput)
    .output(auditListOutput)
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),

  facets: permittedProcedure('audit.read')
    .output(auditFacetsOutput)
    .query(({ ctx }) => auditFacets(ctx)),

  /** Re-hashes the whole chain now: `{ok, count, head, firstBad?}` (docs/CONTRACTS.md). */
  verify: permittedProcedure('audit.read')
    .use(spendExpensiveBudget)
    .input(z.object({}).optional())
    .output(auditVerifyOutput)
    .query(({ ctx }) => verifyAuditTrail(ctx, ctx.auditAnchorFile ?? null)),

  /**
   * A five-minute ticket for `GET /api/audit/export?…&ticket=` from a plain link (fetch sends
   * the x-verdict-csrf header instead). A mutation, so it needs that header itself.
   */
  exportTicket: permittedProcedure('audit.export')
    .output(z.object({ ticket: z.string(), expiresAt: z.string() }))
    .mutation(({ ctx }) => {
      const now = ctx.clock.now();
      // Tickets are keyed by the session cookie; a caller without one (in-process) has none to bind.
      if (!ctx.sessionToken)
        throw new DeskError('PRECONDITION_FAILED', 'session_required', 'tickets are for signed-in browser sessions');
      return {
        ticket: issueTicket(ctx.sessionToken, AUDIT_EXPORT_SCOPE, now, AUDIT_EXPORT_TICKET_MS),
        expiresAt: new Date(now.getTime() + AUDIT_EXPORT_TICKET_MS).toISOString(),
      };
    }),

  /** The manifest of a finished export (its id is the `x-audit-export-id` response header). */
  exportManifest: permittedProcedure('audit.export')
    .input(z.object({ exportId: z.number().int().positive() }))
    .output(auditExportManifest)
    .query(({ ctx, input }) => exportManifest(ctx, input.exportId)),
});

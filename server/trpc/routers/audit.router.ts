import { z } from 'zod';
import {
  auditExportManifest,
  auditFacetsOutput,
  auditListInput,
  auditListOutput,
  auditVerifyOutput,
} from '../../../shared/api/audit';
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

  /** Re-hashes the whole chain now: `{ok, count, head, firstBad?}` (DESIGN.md contract). */
  verify: permittedProcedure('audit.read')
    .use(spendExpensiveBudget)
    .input(z.object({}).optional())
    .output(auditVerifyOutput)
    .query(({ ctx }) => verifyAuditTrail(ctx, ctx.auditAnchorFile ?? null)),

  /** The manifest of a finished export (its id is the `x-audit-export-id` response header). */
  exportManifest: permittedProcedure('audit.export')
    .input(z.object({ exportId: z.number().int().positive() }))
    .output(auditExportManifest)
    .query(({ ctx, input }) => exportManifest(ctx, input.exportId)),
});

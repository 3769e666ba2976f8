import { z } from 'zod';
import {
  bulkDecideInput,
  decideInput,
  decideOutput,
  previewInput,
  previewOutput,
  reviewDecisionInput,
} from '../../../shared/api/decisions';
import { type DeskErrorReason, isDeskErrorReason } from '../../../shared/errors/reasons';
import { PLATFORM_IDS } from '../../../shared/rulebook/platforms';
import {
  approveDecision,
  bulkDecide,
  pendingApprovals,
  previewDecision,
  sendBackDecision,
} from '../../services/decisions.service';
import { runWrite } from '../../writer/runWrite';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Case decisions (mounted under `cases`: decide, bulkDecide, preview). */
export const decisionProcedures = {
  decide: permittedProcedure('cases.decide')
    .input(decideInput)
    .output(decideOutput)
    .mutation(({ ctx, input }) => runWrite(serviceContext(ctx), ctx.writer, 'decideCase', input)),

  bulkDecide: permittedProcedure('cases.decide')
    .input(bulkDecideInput)
    .output(z.object({ batchId: z.string(), results: z.array(decideOutput.extend({ caseId: z.number() })) }))
    .mutation(({ ctx, input }) => bulkDecide(serviceContext(ctx), input)),

  preview: permittedProcedure('cases.decide')
    .input(previewInput)
    .output(previewOutput)
    .query(({ ctx, input }) => previewDecision(serviceContext(ctx), input)),
};

/** Four-eyes: decisions waiting for a second person. */
export const approvalsRouter = router({
  list: permittedProcedure('cases.approve')
    .output(
      z.array(
        z.object({
          decisionId: z.number(),
          caseId: z.number(),
          kind: z.string(),
          rule: z.string().nullable(),
          reason: z.string(),
          approvalReasons: z.array(z.string()),
          preview: z.unknown().nullable(),
          decidedAt: z.string(),
          decidedBy: z.object({ id: z.number(), name: z.string() }),
          subject: z.object({ id: z.string(), name: z.string().nullable(), platform: z.enum(PLATFORM_IDS) }),
          summary: z.string(),
          // Why the caller may not approve it (the approvals page shows it and disables the buttons).
          refusal: z.custom<DeskErrorReason>(isDeskErrorReason).nullable(),
        }),
      ),
    )
    .query(({ ctx }) => pendingApprovals(serviceContext(ctx))),

  approve: permittedProcedure('cases.approve')
    .input(reviewDecisionInput)
    .output(z.object({ status: z.string(), noticeId: z.number() }))
    .mutation(({ ctx, input }) => approveDecision(serviceContext(ctx), input)),

  sendBack: permittedProcedure('cases.approve')
    .input(reviewDecisionInput)
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) => sendBackDecision(serviceContext(ctx), input)),
});

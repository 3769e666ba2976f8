import { z } from 'zod';
import {
  qaAdjudicateInput,
  qaAdjudicateOutput,
  qaAdjudicationsInput,
  qaAdjudicationsOutput,
  qaMineOutput,
  qaNextOutput,
  qaPoliciesOutput,
  qaPolicy,
  qaPreviewInput,
  qaPreviewOutput,
  qaSetPolicyInput,
  qaSubmitInput,
  qaSubmitOutput,
  qaTaskInput,
  qaTaskView,
} from '../../../shared/api/qa';
import { EVIDENCE_TICKET_MS, evidenceScope, issueTicket } from '../../http/viewTicket';
import { adjudicate, listAdjudications } from '../../services/qaAdjudication.service';
import { listQaPolicies, setQaPolicy } from '../../services/qaPolicy.service';
import { getQaTask, myQaResults, nextQaTask, previewQaVerdict, submitQaVerdict } from '../../services/qaReview.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';
import { qaCalibrationRouter, qaGoldRouter } from './qaGold.router';

/**
 * Files open from the blind page as from the case page: the page shows them in <img> and links,
 * which carry no header, so each link carries a ticket for its own file (server/http/viewTicket.ts).
 */
function withEvidenceTickets<E extends { id: number; contentUrl: string | null }>(
  evidence: E[],
  ctx: { sessionToken: string | null; clock: { now(): Date } },
): E[] {
  const token = ctx.sessionToken;
  if (!token) return evidence;
  const now = ctx.clock.now();
  return evidence.map((e) =>
    e.contentUrl
      ? {
          ...e,
          contentUrl: `${e.contentUrl}?ticket=${issueTicket(token, evidenceScope(e.id), now, EVIDENCE_TICKET_MS)}`,
        }
      : e,
  );
}

/** Quality assurance: sampling policies, blind reviews of sampled decisions, and adjudication (docs/QA.md). */
export const qaRouter = router({
  /** Audited as `qa.policy_set` on the queue. */
  setPolicy: permittedProcedure('qa.manage')
    .input(qaSetPolicyInput)
    .output(qaPolicy)
    .mutation(({ ctx, input }) => setQaPolicy(serviceContext(ctx), input)),

  /** Every queue's sampling policy. */
  policies: permittedProcedure('qa.review')
    .input(z.object({}).optional())
    .output(qaPoliciesOutput)
    .query(({ ctx }) => listQaPolicies(serviceContext(ctx))),

  /** The caller's task (held, else the oldest open one they may review); audited as `qa.task_taken`. */
  next: permittedProcedure('qa.review')
    .input(z.object({}).optional())
    .output(qaNextOutput)
    .mutation(({ ctx }) => nextQaTask(serviceContext(ctx))),

  /** The blind view of a task the caller holds: the case as reported, nothing of the first decision. */
  task: permittedProcedure('qa.review')
    .input(qaTaskInput)
    .output(qaTaskView)
    .query(async ({ ctx, input }) => {
      const view = await getQaTask(serviceContext(ctx), input.taskId);
      return { ...view, case: { ...view.case, evidence: withEvidenceTickets(view.case.evidence, ctx) } };
    }),

  /** What a verdict would be worth on the record the first decision met (nothing written). */
  preview: permittedProcedure('qa.review')
    .input(qaPreviewInput)
    .output(qaPreviewOutput)
    .query(({ ctx, input }) => previewQaVerdict(serviceContext(ctx), input)),

  /** The QA verdict, scored field by field; audited as `qa.submitted`. */
  submit: permittedProcedure('qa.review')
    .input(qaSubmitInput)
    .output(qaSubmitOutput)
    .mutation(({ ctx, input }) => submitQaVerdict(serviceContext(ctx), input)),

  /** Disagreements waiting for a lead, both verdicts side by side. */
  adjudications: permittedProcedure('qa.manage')
    .input(qaAdjudicationsInput)
    .output(qaAdjudicationsOutput)
    .query(({ ctx, input }) => listAdjudications(serviceContext(ctx), input ?? {})),

  /** Uphold, correct or reverse; audited as `qa.adjudicated` (correct/reverse also as the decision path's outbox messages). */
  adjudicate: permittedProcedure('qa.manage')
    .input(qaAdjudicateInput)
    .output(qaAdjudicateOutput)
    .mutation(({ ctx, input }) => adjudicate(serviceContext(ctx), input)),

  /** The caller's own sampled decisions and their outcomes, with the lead's note. */
  mine: permittedProcedure('qa.review')
    .input(z.object({}).optional())
    .output(qaMineOutput)
    .query(({ ctx }) => myQaResults(serviceContext(ctx))),

  // Gold cases and calibration sessions: qaGold.router.ts.
  gold: qaGoldRouter,
  calibration: qaCalibrationRouter,
});

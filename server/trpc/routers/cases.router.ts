import { z } from 'zod';
import { type CaseDetail, caseDetail } from '../../../shared/api/caseDetail';
import { caseHistoryOutput } from '../../../shared/api/caseHistory';
import { caseListInput, caseListOutput } from '../../../shared/api/caseList';
import type { Role } from '../../../shared/auth/roles';
import type { CaseActor } from '../../../shared/cases/caseHolder';
import { EVIDENCE_TICKET_MS, evidenceScope, issueTicket } from '../../http/viewTicket';
import { assignCase, renewLease } from '../../services/assignment.service';
import { getCase } from '../../services/caseDetail.service';
import { caseHistory } from '../../services/caseHistory.service';
import { listCases } from '../../services/caseList.service';
import { linkCases, routeToQueue, splitReport } from '../../services/caseOrganize.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';
import { decisionProcedures } from './decisions.router';

const caseId = z.number().int().positive();

/**
 * Evidence links carry a ticket bound to the viewer's session (server/http/viewTicket.ts): an
 * <img> or download link cannot send the desk's header, and a view is audited.
 */
function withViewTickets(detail: CaseDetail, sessionToken: string | null, now: Date): CaseDetail {
  if (!sessionToken) return detail;
  return {
    ...detail,
    evidence: detail.evidence.map((e) =>
      e.contentUrl
        ? {
            ...e,
            contentUrl: `${e.contentUrl}?ticket=${issueTicket(sessionToken, evidenceScope(e.id), now, EVIDENCE_TICKET_MS)}`,
          }
        : e,
    ),
  };
}

const staffActor = (user: { id: number; role: Role }): CaseActor => ({
  kind: 'staff',
  userId: user.id,
  role: user.role,
});

export const casesRouter = router({
  ...decisionProcedures,

  /** Decisions, notices, the audited timeline, and the subject's other cases. */
  history: permittedProcedure('cases.read')
    .input(z.object({ id: caseId }))
    .output(caseHistoryOutput)
    .query(({ ctx, input }) => caseHistory(ctx.db, input.id)),

  list: permittedProcedure('cases.read')
    .input(caseListInput)
    .output(caseListOutput)
    .query(({ ctx, input }) => listCases(ctx, ctx.user.id, input)),

  get: permittedProcedure('cases.read')
    .input(z.object({ id: caseId }))
    .output(caseDetail)
    .query(async ({ ctx, input }) => withViewTickets(await getCase(ctx, input.id), ctx.sessionToken, ctx.clock.now())),

  /** Live updates: every claim, release, reassignment, intake and decision, as it happens (SSE). */
  changes: permittedProcedure('cases.read').subscription(async function* ({ ctx, signal }) {
    yield* ctx.bus.subscribe(signal);
  }),

  renewLease: permittedProcedure('cases.claim')
    .input(z.object({ caseId }))
    .output(z.object({ leaseUntil: z.string() }))
    .mutation(({ ctx, input }) => renewLease(serviceContext(ctx), input)),

  assign: permittedProcedure('queues.manage')
    .input(z.object({ caseId, userId: z.number().int().positive(), reason: z.string().max(500).optional() }))
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) => assignCase(serviceContext(ctx), input)),

  route: permittedProcedure('cases.intake')
    .input(z.object({ caseId, queueId: z.string().min(1).max(64) }))
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) => routeToQueue(serviceContext(ctx), input, staffActor(ctx.user))),

  link: permittedProcedure('cases.intake')
    .input(z.object({ caseId, otherCaseId: caseId, unlink: z.boolean().optional() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => linkCases(serviceContext(ctx), input)),

  splitReport: permittedProcedure('cases.intake')
    .input(z.object({ reportId: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }))
    .output(z.object({ caseId: z.number() }))
    .mutation(({ ctx, input }) => splitReport(serviceContext(ctx), input, staffActor(ctx.user))),
});

import type { Transaction } from 'kysely';
import { caseState } from '../../shared/audit/caseState';
import { type CaseActor, guardRecordChange } from '../../shared/cases/caseHolder';
import { transition } from '../../shared/cases/stateMachine';
import { rankOf, slaDueAt, triageScore } from '../../shared/cases/triage';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import type { CaseRow } from '../db/tables/cases.table';
import { slaDaysFor } from './caseSla';
import { actingUserId, type ServiceContext } from './serviceContext';

async function loadCase(trx: Transaction<Database>, id: number): Promise<CaseRow> {
  const c = await casesRepo.find(trx, id);
  if (!c) throw notFound('case', id);
  return c;
}

async function mustUpdate(updated: Promise<boolean>, caseId: number) {
  if (!(await updated))
    throw new DeskError('CONFLICT', 'stale_version', `case ${caseId} was changed by someone else; reload it`);
}

/** A triager puts a case into a queue by hand (for cases no routing rule caught, or misrouted). */
export async function routeToQueue(ctx: ServiceContext, input: { caseId: number; queueId: string }, actor: CaseActor) {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const c = await loadCase(trx, input.caseId);
    guardRecordChange({ id: c.id, status: c.status, assigneeId: c.assignee_id }, 'route', actor);
    const queue = await queuesRepo.find(trx, input.queueId);
    if (!queue)
      throw new DeskError('BAD_REQUEST', 'queue_not_found', `queue ${input.queueId} does not exist`, {
        field: 'queueId',
      });
    const status = transition(c.status, 'route');
    await mustUpdate(
      casesRepo.updateAtVersion(trx, c.id, c.version, {
        status,
        queue: queue.id,
        assignee_id: null,
        lease_until: null,
        sla_due_at: slaDueAt(new Date(c.created_at), slaDaysFor(queue, c.source)).toISOString(),
        updated_at: now.toISOString(),
      }),
      c.id,
    );
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'case.routed',
        target: { type: 'case', id: c.id },
        data: { from: c.queue, to: queue.id, ...caseState(status, null) },
      },
      now,
    );
    return { caseId: c.id, action: 'routed', status, assigneeId: null, version: c.version + 1, at: now.toISOString() };
  });
  ctx.bus.publish(result);
  return { status: result.status };
}

/** Links two related cases (both directions are stored, so either case shows the other). */
export async function linkCases(ctx: ServiceContext, input: { caseId: number; otherCaseId: number; unlink?: boolean }) {
  if (input.caseId === input.otherCaseId) {
    throw new DeskError('BAD_REQUEST', 'self_link', 'a case cannot be linked to itself', { field: 'otherCaseId' });
  }
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await loadCase(trx, input.caseId);
    await loadCase(trx, input.otherCaseId);
    const pairs = [
      [input.caseId, input.otherCaseId],
      [input.otherCaseId, input.caseId],
    ] as const;
    for (const [a, b] of pairs) {
      if (input.unlink)
        await trx.deleteFrom('case_links').where('case_id', '=', a).where('linked_case_id', '=', b).execute();
      else {
        await trx
          .insertInto('case_links')
          .values({ case_id: a, linked_case_id: b, created_by: userId, created_at: now.toISOString() })
          .onConflict((oc) => oc.columns(['case_id', 'linked_case_id']).doNothing())
          .execute();
      }
    }
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: input.unlink ? 'case.unlinked' : 'case.linked',
        target: { type: 'case', id: input.caseId },
        data: { otherCaseId: input.otherCaseId },
      },
      now,
    );
  });
  return { ok: true as const };
}

/**
 * Splits a wrongly merged report out of its case into a case of its own, with its evidence.
 * The first report of a case cannot be split off: it is what the case is.
 */
export async function splitReport(ctx: ServiceContext, input: { reportId: number; reason: string }, actor: CaseActor) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const report = await reportsRepo.find(trx, input.reportId);
    if (!report) throw notFound('report', input.reportId);
    const c = await loadCase(trx, report.case_id);
    guardRecordChange({ id: c.id, status: c.status, assigneeId: c.assignee_id }, 'split', actor);
    if ((await reportsRepo.firstIdOfCase(trx, c.id)) === report.id) {
      throw new DeskError('BAD_REQUEST', 'first_report', 'the first report of a case cannot be split off', {
        field: 'reportId',
      });
    }
    const queue = c.queue ? await queuesRepo.find(trx, c.queue) : undefined;
    const triage = triageScore({
      rule: report.rule,
      source: report.source,
      reporterCredibility: null,
      priorViolations: await violationsRepo.countOnRecord(trx, report.subject_id),
      reportCount: 1,
    });
    const newCaseId = await casesRepo.insert(trx, {
      subject_id: report.subject_id,
      rule: report.rule,
      status: queue ? 'triaged' : 'new',
      source: report.source,
      summary: report.summary,
      priority: triage.base,
      rank: rankOf(triage.base, new Date(report.created_at)),
      triage: triage.factors,
      queue: queue?.id ?? null,
      assignee_id: null,
      lease_until: null,
      sla_due_at: slaDueAt(new Date(report.created_at), slaDaysFor(queue, report.source)).toISOString(),
      closed_at: null,
      // Separate conduct by a triager's judgement: intake keeps merging into the original.
      split_from: c.id,
      created_at: report.created_at,
      updated_at: at,
    });
    await reportsRepo.moveToCase(trx, report.id, newCaseId);
    await mustUpdate(
      casesRepo.updateAtVersion(trx, c.id, c.version, { report_count: c.report_count - 1, updated_at: at }),
      c.id,
    );
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'case.report_split',
        target: { type: 'case', id: c.id },
        data: { reportId: report.id, newCaseId, newCaseStatus: queue ? 'triaged' : 'new', reason: input.reason },
      },
      now,
    );
    return {
      newCaseId,
      changes: [
        { caseId: c.id, action: 'split', status: c.status, assigneeId: c.assignee_id, version: c.version + 1, at },
        { caseId: newCaseId, action: 'created', status: queue ? 'triaged' : 'new', assigneeId: null, version: 1, at },
      ],
    };
  });
  ctx.bus.publish(result.changes);
  return { caseId: result.newCaseId };
}

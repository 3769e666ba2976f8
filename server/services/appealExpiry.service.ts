import { caseState } from '../../shared/audit/caseState';
import { nextStatus, transition } from '../../shared/cases/stateMachine';
import { recordEvent } from '../audit/recordEvent';
import { appealsRepo } from '../db/repositories/appeals.repo';
import { casesRepo } from '../db/repositories/cases.repo';
import type { CaseChange } from '../events/changeBus';
import { appealWindowEndOf } from './appealWindowEnd';
import type { ServiceContext } from './serviceContext';

/**
 * Time-driven ends of the appeal stage: a window that closed without an appeal makes the
 * record final, and so does a request for evidence left unanswered past its deadline
 * (docs/MARKETPLACE.md §6: stage 3 cannot be reversed). Run periodically by the server.
 */
export async function closeExpiredAppeals(ctx: ServiceContext, batchSize = 200): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const changes = await ctx.db.transaction().execute(async (trx) => {
    const done: CaseChange[] = [];
    for (const appeal of await appealsRepo.expiredEvidenceRequests(trx, at, batchSize)) {
      const c = await casesRepo.find(trx, appeal.case_id);
      if (!c) continue;
      const status = transition(c.status, 'window_closed');
      if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) continue;
      await appealsRepo.updateAtVersion(trx, appeal.id, appeal.version, { status: 'expired', updated_at: at });
      await recordEvent(
        trx,
        ctx.audit,
        {
          action: 'appeal.expired',
          target: { type: 'case', id: c.id },
          data: { appealId: appeal.id, deadline: appeal.evidence_deadline, ...caseState(status, c.assignee_id) },
        },
        now,
      );
      done.push({ caseId: c.id, action: 'final', status, assigneeId: c.assignee_id, version: c.version + 1, at });
    }

    // Windows whose notice deadline passed; a still-demoted item keeps its window open.
    const candidates = await trx
      .selectFrom('cases')
      .innerJoin('notices', 'notices.case_id', 'cases.id')
      .select(['cases.id', 'notices.decision_id'])
      .where('cases.status', 'in', ['notice_sent', 'appeal_window'])
      .where('notices.appeal_until', '<', at)
      .orderBy('cases.id')
      .limit(batchSize)
      .execute();
    for (const { id, decision_id } of candidates) {
      const c = await casesRepo.find(trx, id);
      if (!c || !nextStatus(c.status, 'window_closed')) continue;
      const open = (await appealsRepo.forCase(trx, c.id)).some(
        (a) => a.status === 'pending_member' || a.status === 'under_review',
      );
      if (open) continue;
      const end = await appealWindowEndOf(trx, ctx.rulebooks, {
        decisionId: decision_id,
        caseId: c.id,
        subjectId: c.subject_id,
        now,
      });
      if (end && end > now) continue;
      const status = transition(c.status, 'window_closed');
      if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) continue;
      await recordEvent(
        trx,
        ctx.audit,
        {
          action: 'case.appeal_window_closed',
          target: { type: 'case', id: c.id },
          data: { decisionId: decision_id, closedAt: end?.toISOString() ?? null, ...caseState(status, c.assignee_id) },
        },
        now,
      );
      done.push({ caseId: c.id, action: 'final', status, assigneeId: c.assignee_id, version: c.version + 1, at });
    }
    return done;
  });
  ctx.bus.publish(changes);
  return changes.length;
}

import type { z } from 'zod';
import type { appealSubmitInput } from '../../shared/api/appeals';
import { restartClock } from '../../shared/appeals/appealClock';
import { caseState } from '../../shared/audit/caseState';
import { transition } from '../../shared/cases/stateMachine';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { appealsRepo } from '../db/repositories/appeals.repo';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { appealWindowEndOf } from './appealWindowEnd';
import { staleVersion } from './decisions.service';
import type { ServiceContext } from './serviceContext';

type SubmitInput = z.infer<typeof appealSubmitInput>;

/**
 * `appeals.submit`: an appeal against the decision that took effect on a case, accepted only
 * inside its window; one open appeal per decision. Answering a request for more evidence is
 * a second submission of the same appeal, which goes back under review.
 */
export async function submitAppeal(
  ctx: ServiceContext,
  input: SubmitInput,
): Promise<{ appealId: number; status: string }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const submittedBy = `${ctx.audit.actor.type}:${ctx.audit.actor.id ?? ''}`;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    const decision = (await decisionsRepo.listForCase(trx, c.id))
      .filter((d) => d.kind === 'apply' && d.status === 'effective')
      .at(-1);
    if (!decision)
      throw new DeskError('CONFLICT', 'nothing_to_appeal', `case ${c.id} has no decision in effect to appeal`);

    const previous = await appealsRepo.forDecision(trx, decision.id);
    const open = previous.find((a) => a.status === 'pending_member' || a.status === 'under_review');
    if (open?.status === 'under_review') {
      throw new DeskError('CONFLICT', 'appeal_open', `appeal ${open.id} on this decision is already under review`, {
        appealId: open.id,
      });
    }
    if (open?.status === 'pending_member') {
      if (open.evidence_deadline && open.evidence_deadline < at) {
        throw new DeskError(
          'PRECONDITION_FAILED',
          'evidence_deadline_passed',
          'the time to send more evidence has passed',
          { closedAt: open.evidence_deadline },
        );
      }
      const evidence = [...(open.evidence ?? []), ...(input.evidence ?? [])];
      const ok = await appealsRepo.updateAtVersion(trx, open.id, open.version, {
        status: 'under_review',
        statement: `${open.statement}\n\n${input.statement}`,
        evidence,
        submissions: open.submissions + 1,
        evidence_deadline: null,
        // The member answered: the review clock runs again.
        ...restartClock({ pausedAt: open.clock_paused_at, pausedMs: open.clock_paused_ms }, at),
        updated_at: at,
      });
      if (!ok) throw new DeskError('CONFLICT', 'appeal_changed', `appeal ${open.id} changed; try again`);
      const status = transition(c.status, 'appeal');
      if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) throw staleVersion(c);
      await recordEvent(
        trx,
        ctx.audit,
        {
          action: 'appeal.resubmitted',
          target: { type: 'case', id: c.id },
          data: {
            appealId: open.id,
            submission: open.submissions + 1,
            evidence: input.evidence?.length ?? 0,
            ...caseState(status, c.assignee_id),
          },
        },
        now,
      );
      return { appealId: open.id, status: 'under_review', caseId: c.id, caseStatus: status, version: c.version + 1 };
    }
    if (previous.length) {
      throw new DeskError('CONFLICT', 'already_appealed', `the decision on case ${c.id} was appealed already`, {
        appealId: previous.at(-1)?.id,
      });
    }

    const end = await appealWindowEndOf(trx, ctx.rulebooks, {
      decisionId: decision.id,
      caseId: c.id,
      subjectId: c.subject_id,
      now,
    });
    if (!end || now > end) {
      throw new DeskError(
        'PRECONDITION_FAILED',
        'appeal_window_closed',
        `the appeal window closed at ${end?.toISOString() ?? 'the decision'}`,
        {
          closedAt: end?.toISOString() ?? null,
        },
      );
    }
    const status = transition(c.status, 'appeal');
    const appealId = await appealsRepo.insert(trx, {
      case_id: c.id,
      decision_id: decision.id,
      subject_id: c.subject_id,
      rule: decision.rule ?? c.rule,
      status: 'under_review',
      statement: input.statement,
      evidence: input.evidence ?? [],
      evidence_deadline: null,
      queue: c.queue,
      assignee_id: null,
      decided_by: null,
      decided_at: null,
      outcome_reason: null,
      relief_violation_id: null,
      submitted_by: submittedBy,
      created_at: at,
      updated_at: at,
    });
    if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) throw staleVersion(c);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'appeal.submitted',
        target: { type: 'case', id: c.id },
        data: {
          appealId,
          decisionId: decision.id,
          evidence: input.evidence?.length ?? 0,
          windowEnd: end.toISOString(),
          ...caseState(status, c.assignee_id),
        },
      },
      now,
    );
    return { appealId, status: 'under_review', caseId: c.id, caseStatus: status, version: c.version + 1 };
  });
  ctx.bus.publish({
    caseId: result.caseId,
    action: 'appealed',
    status: result.caseStatus,
    assigneeId: null,
    version: result.version,
    at,
  });
  return { appealId: result.appealId, status: result.status };
}

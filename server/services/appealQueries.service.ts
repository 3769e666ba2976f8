import type { AppealView } from '../../shared/api/appeals';
import { appealReviewMs } from '../../shared/appeals/appealClock';
import { nextStatus } from '../../shared/cases/stateMachine';
import { TOOK_EFFECT_STATUSES } from '../../shared/decisions/decisionStates';
import { notFound } from '../../shared/errors/deskError';
import { DEFAULT_PLATFORM, type PlatformId } from '../../shared/rulebook/platforms';
import type { Executor } from '../db/database';
import { appealsRepo } from '../db/repositories/appeals.repo';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import type { AppealRow, AppealStatus } from '../db/tables/appeals.table';
import type { Rulebooks } from '../rulebooks';
import { appealWindowEndOf } from './appealWindowEnd';

/** docs/MARKETPLACE.md §6: what stage the member sees. */
export function stageOf(status: AppealStatus): AppealView['stage'] {
  if (status === 'pending_member') return 'pending_member';
  if (status === 'under_review') return 'under_review';
  return 'final';
}

async function names(db: Executor): Promise<Map<number, string>> {
  const users = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(users.map((u) => [u.id, u.display_name]));
}

/** The appeal's subject as lists name it: its name and the platform it trades on. */
type SubjectOfAppeal = { name: string | null; platform: PlatformId };

function toView(a: AppealRow, subject: SubjectOfAppeal, who: Map<number, string>, now: Date): AppealView {
  const person = (id: number | null) => (id === null ? null : { id, name: who.get(id) ?? String(id) });
  return {
    id: a.id,
    caseId: a.case_id,
    decisionId: a.decision_id,
    rule: a.rule,
    status: a.status,
    stage: stageOf(a.status),
    statement: a.statement,
    evidence: a.evidence ?? [],
    submissions: a.submissions,
    evidenceDeadline: a.evidence_deadline,
    assignee: person(a.assignee_id),
    decidedBy: person(a.decided_by),
    decidedAt: a.decided_at,
    outcomeReason: a.outcome_reason,
    reliefViolationId: a.relief_violation_id,
    subject: { id: a.subject_id, name: subject.name, platform: subject.platform },
    createdAt: a.created_at,
    version: a.version,
    reviewClock: reviewClockOf(a, now),
  };
}

/** The review clock as lists show it: ruled-on and expired appeals' clocks stand at their end. */
function reviewClockOf(a: AppealRow, now: Date): AppealView['reviewClock'] {
  const ended = a.status === 'under_review' || a.status === 'pending_member' ? null : (a.decided_at ?? a.updated_at);
  const state = { createdAt: a.created_at, pausedAt: a.clock_paused_at, pausedMs: a.clock_paused_ms, endedAt: ended };
  return {
    running: a.status === 'under_review' && !a.clock_paused_at,
    stoppedAt: ended ?? a.clock_paused_at,
    elapsedMs: appealReviewMs(state, now),
  };
}

export async function getAppeal(db: Executor, id: number, now: Date): Promise<AppealView> {
  const a = await appealsRepo.find(db, id);
  if (!a) throw notFound('appeal', id);
  const subject = await subjectsRepo.find(db, a.subject_id);
  return toView(
    a,
    { name: subject?.name ?? null, platform: subject?.platform ?? DEFAULT_PLATFORM },
    await names(db),
    now,
  );
}

export async function listAppeals(
  db: Executor,
  statuses: AppealStatus[] | undefined,
  now: Date,
): Promise<AppealView[]> {
  const rows = await appealsRepo.list(db, { statuses, limit: 500 });
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const full = await appealsRepo.findMany(db, ids);
  const subjects = new Map(rows.map((r) => [r.id, { name: r.subject_name, platform: r.subject_platform }]));
  const who = await names(db);
  return full.map((a) => toView(a, subjects.get(a.id) ?? { name: null, platform: DEFAULT_PLATFORM }, who, now));
}

/** The member-side view of a case (merchant portal): stage, deadlines, and the appeal if any. */
export async function appealStatusOfCase(db: Executor, rulebooks: Rulebooks, caseId: number, now: Date) {
  const c = await casesRepo.find(db, caseId);
  if (!c) throw notFound('case', caseId);
  const decision = (await decisionsRepo.listForCase(db, caseId))
    .filter((d) => d.kind === 'apply' && (TOOK_EFFECT_STATUSES as readonly string[]).includes(d.status))
    .at(-1);
  const appeal = decision ? (await appealsRepo.forDecision(db, decision.id)).at(-1) : undefined;
  const end = decision
    ? await appealWindowEndOf(db, rulebooks, { decisionId: decision.id, caseId, subjectId: c.subject_id, now })
    : null;
  const stage = appeal
    ? stageOf(appeal.status)
    : nextStatus(c.status, 'appeal')
      ? 'pending_member'
      : c.status === 'final'
        ? 'final'
        : 'none';
  return {
    caseId,
    stage,
    caseStatus: c.status,
    appealUntil: end?.toISOString() ?? null,
    evidenceDeadline: appeal?.evidence_deadline ?? null,
    appeal: appeal ? await getAppeal(db, appeal.id, now) : null,
  } as const;
}

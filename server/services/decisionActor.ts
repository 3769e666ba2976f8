import type { CaseUnderDecision, DecisionActor } from '../../shared/cases/decisionGuard';
import { DeskError } from '../../shared/errors/deskError';
import type { Executor } from '../db/database';
import { queuesRepo } from '../db/repositories/queues.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { CaseRow } from '../db/tables/cases.table';
import { actingUserId, type ServiceContext } from './serviceContext';

/** The staff member acting, with their role and queues, as the decision guard needs them. */
export async function loadDecisionActor(db: Executor, ctx: ServiceContext): Promise<DecisionActor> {
  const id = actingUserId(ctx);
  const user = await usersRepo.findById(db, id);
  if (!user) throw new DeskError('UNAUTHORIZED', 'unknown_user', 'sign in again');
  return { id, role: user.role, queues: await queuesRepo.queueIdsOfUser(db, id) };
}

export function caseUnderDecision(c: CaseRow, authorId?: number): CaseUnderDecision {
  return { id: c.id, status: c.status, assigneeId: c.assignee_id, queue: c.queue, authorId };
}

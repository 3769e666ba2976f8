import { can, type Role } from '../auth/roles';
import { DeskError } from '../errors/deskError';
import type { CaseStatus } from './enums';
import { type CaseEvent, eventsBeforeDecision, nextStatus } from './stateMachine';

/** The staff member acting, with the queues they belong to. */
export interface DecisionActor {
  id: number;
  role: Role;
  queues: readonly string[];
}

/** What the guard needs to know of a case (and of the decision waiting on it). */
export interface CaseUnderDecision {
  id: number;
  status: CaseStatus;
  assigneeId: number | null;
  queue: string | null;
  /** The author of the decision waiting for approval (approve / send back only). */
  authorId?: number;
}

export type DecisionAction = 'decide' | 'approve' | 'send_back';

/**
 * The one guard of every case decision (decide, bulk decide, approve, send back): the state
 * machine allows it, the case is the actor's to act on, and the actor may work its queue.
 * Throws the DeskError that says why not. Returns the event that moves the case: for `decide`,
 * the one that hands it to the actor first (null when they hold it already); otherwise `action`.
 *
 * Queue membership (issue 16 #4): the queue a reviewer may not pull from with `queue.next` is a
 * queue they may not decide either. Leads (queues.manage) act on every queue; a case a lead
 * handed to someone is theirs to decide even outside their queues.
 */
export function guardDecision(c: CaseUnderDecision, actor: DecisionActor, action: DecisionAction): CaseEvent | null {
  const events = action === 'decide' ? eventsBeforeDecision(c.status, c.assigneeId === actor.id) : [action];
  if (!events || (action !== 'decide' && !nextStatus(c.status, action))) {
    throw new DeskError('CONFLICT', 'illegal_transition', `a case that is ${c.status} cannot be ${verb(action)}`, {
      from: c.status,
      event: action,
    });
  }
  const lead = can(actor.role, 'queues.manage');
  if (action === 'decide' && c.assigneeId !== null && c.assigneeId !== actor.id && !lead) {
    throw new DeskError('CONFLICT', 'not_your_case', `case ${c.id} is assigned to someone else`);
  }
  // Four eyes means two different people: the decider can never approve their own decision.
  if (action !== 'decide' && c.authorId === actor.id) {
    throw new DeskError(
      'FORBIDDEN',
      'four_eyes_same_person',
      'a decision must be approved by someone other than its author',
    );
  }
  const holdsIt = action === 'decide' && c.assigneeId === actor.id;
  if (!lead && !holdsIt && (c.queue === null || !actor.queues.includes(c.queue))) {
    throw new DeskError('FORBIDDEN', 'not_queue_member', `you are not a member of queue ${c.queue ?? '(none)'}`, {
      queue: c.queue,
    });
  }
  return events[0] ?? null;
}

function verb(action: DecisionAction): string {
  return action === 'decide' ? 'decided' : action === 'approve' ? 'approved' : 'sent back';
}

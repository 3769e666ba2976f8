import { DeskError } from '../errors/deskError';
import type { CaseStatus } from './enums';

/**
 * The life of a case as one table: the desk states (new → triaged → assigned → decided →
 * notice sent → appeal window → final) and the violation stages of docs/MARKETPLACE.md §6 on top of
 * them. The server checks every change against it; the client reads it to offer only the
 * actions that can succeed. Nothing else may decide what follows what.
 */
export const CASE_EVENTS = [
  'route', // a triager (or the routing rules) puts a new case into a queue
  'claim', // a reviewer takes it (queue.next) or a lead assigns it
  'reassign', // a lead hands an assigned case to someone else
  'release', // the reviewer gives it back (release or skip)
  'lease_expired', // the reviewer's lease ran out
  'decide', // a decision that takes effect at once
  'submit_for_approval', // a severe decision waits for a second person (four-eyes)
  'approve', // the approver lets it take effect
  'send_back', // the approver returns it to the reviewer with a note
  'dismiss', // no violation
  'escalate', // the reviewer hands it to a lead: back to a queue, the escalations queue
  'send_notice', // the statement of reasons goes to the subject
  'open_appeal_window', // the subject may now appeal
  'appeal', // the subject appeals: under staff review
  'request_evidence', // staff want more from the subject: back to the member
  'appeal_upheld', // appeal approved: the decision is reversed
  'appeal_rejected', // appeal rejected: the record stands
  'window_closed', // no appeal in time: the record is final
  'split', // a triager or lead splits a wrongly merged report off into a case of its own
  'add_evidence', // staff or an integration add an evidence file
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

type TransitionTable = Partial<Record<CaseStatus, Partial<Record<CaseEvent, CaseStatus>>>>;

export const CASE_TRANSITIONS: TransitionTable = {
  // Reports and evidence change only while nobody has decided on them: once a decision is
  // pending or taken (and through its appeal window), the record stays as it was decided.
  new: { route: 'triaged', claim: 'assigned', dismiss: 'dismissed', split: 'new', add_evidence: 'new' },
  triaged: { route: 'triaged', claim: 'assigned', dismiss: 'dismissed', split: 'triaged', add_evidence: 'triaged' },
  assigned: {
    // Who may do these to a case someone holds: shared/cases/caseHolder.ts.
    route: 'triaged',
    split: 'assigned',
    add_evidence: 'assigned',
    claim: 'assigned',
    reassign: 'assigned',
    release: 'triaged',
    lease_expired: 'triaged',
    decide: 'decided',
    submit_for_approval: 'pending_approval',
    dismiss: 'dismissed',
    escalate: 'triaged',
  },
  pending_approval: { approve: 'decided', send_back: 'assigned' },
  decided: { send_notice: 'notice_sent' },
  notice_sent: { open_appeal_window: 'appeal_window', appeal: 'under_appeal', window_closed: 'final' },
  appeal_window: { appeal: 'under_appeal', window_closed: 'final' },
  under_appeal: { request_evidence: 'appeal_window', appeal_upheld: 'final', appeal_rejected: 'final' },
};

/** The state after `event`, or null when the event is not allowed in `from`. */
export function nextStatus(from: CaseStatus, event: CaseEvent): CaseStatus | null {
  return CASE_TRANSITIONS[from]?.[event] ?? null;
}

/** Like nextStatus, but an illegal change is a clear CONFLICT error naming both. */
export function transition(from: CaseStatus, event: CaseEvent): CaseStatus {
  const to = nextStatus(from, event);
  if (!to) {
    throw new DeskError(
      'CONFLICT',
      'illegal_transition',
      `a case that is ${from} cannot ${event.replaceAll('_', ' ')}`,
      {
        from,
        event,
      },
    );
  }
  return to;
}

/**
 * The event that puts a case into someone's hands: `reassign` where the table has one (someone
 * holds the case), otherwise `claim`. Whether it is allowed at all is still the table's answer.
 */
export function handOverEvent(from: CaseStatus): 'claim' | 'reassign' {
  return nextStatus(from, 'reassign') ? 'reassign' : 'claim';
}

/**
 * What a decision needs before its outcome (decide, submit for approval, dismiss, escalate):
 * the case in the decider's hands. `[]` when they hold it in a state that can be decided,
 * `[claim]` or `[reassign]` when it must be handed to them first, `null` when the table lets no
 * decision follow from `from`.
 */
export function eventsBeforeDecision(from: CaseStatus, heldByDecider: boolean): CaseEvent[] | null {
  if (heldByDecider && nextStatus(from, 'decide')) return [];
  const take = handOverEvent(from);
  const held = nextStatus(from, take);
  return held && nextStatus(held, 'decide') ? [take] : null;
}

/** The events a case in `status` accepts, in table order. */
export function allowedEvents(status: CaseStatus): CaseEvent[] {
  return Object.keys(CASE_TRANSITIONS[status] ?? {}) as CaseEvent[];
}

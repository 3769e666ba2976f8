/** The one guard of every case decision: state machine, whose case, queue membership, four eyes. */
import { describe, expect, it } from 'vitest';
import { type CaseUnderDecision, type DecisionActor, guardDecision } from '../../../shared/cases/decisionGuard';
import { DeskError } from '../../../shared/errors/deskError';

const reviewer: DecisionActor = { id: 1, role: 'reviewer', queues: ['general'] };
const lead: DecisionActor = { id: 9, role: 'lead', queues: [] };
const open: CaseUnderDecision = { id: 100, status: 'triaged', assigneeId: null, queue: 'general' };

function reasonOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (err) {
    if (err instanceof DeskError) return err.reason;
    throw err;
  }
}

describe('guardDecision', () => {
  it('claims an unheld case of one of the actor’s queues, and reassigns one held by someone else for a lead', () => {
    expect(guardDecision(open, reviewer, 'decide')).toBe('claim');
    expect(guardDecision({ ...open, status: 'assigned', assigneeId: 1 }, reviewer, 'decide')).toBeNull();
    expect(guardDecision({ ...open, status: 'assigned', assigneeId: 2, queue: 'other' }, lead, 'decide')).toBe(
      'reassign',
    );
  });

  it('refuses a queue the actor does not work, unless they hold the case', () => {
    expect(reasonOf(() => guardDecision({ ...open, queue: 'privacy' }, reviewer, 'decide'))).toBe('not_queue_member');
    expect(reasonOf(() => guardDecision({ ...open, queue: null }, reviewer, 'decide'))).toBe('not_queue_member');
    const handedOver = { ...open, status: 'assigned' as const, assigneeId: 1, queue: 'privacy' };
    expect(guardDecision(handedOver, reviewer, 'decide')).toBeNull();
  });

  it('refuses someone else’s case and a state that cannot be decided', () => {
    expect(reasonOf(() => guardDecision({ ...open, status: 'assigned', assigneeId: 2 }, reviewer, 'decide'))).toBe(
      'not_your_case',
    );
    for (const status of ['pending_approval', 'appeal_window', 'final', 'dismissed'] as const) {
      expect(reasonOf(() => guardDecision({ ...open, status }, reviewer, 'decide'))).toBe('illegal_transition');
    }
  });

  it('lets a second member approve or send back, never the author nor an outsider', () => {
    const waiting = { ...open, status: 'pending_approval' as const, assigneeId: 2, authorId: 2 };
    const senior: DecisionActor = { id: 3, role: 'senior_reviewer', queues: ['general'] };
    expect(guardDecision(waiting, senior, 'approve')).toBe('approve');
    expect(guardDecision(waiting, senior, 'send_back')).toBe('send_back');
    expect(reasonOf(() => guardDecision({ ...waiting, authorId: 3 }, senior, 'approve'))).toBe('four_eyes_same_person');
    expect(reasonOf(() => guardDecision(waiting, { ...senior, queues: [] }, 'approve'))).toBe('not_queue_member');
    expect(reasonOf(() => guardDecision({ ...waiting, status: 'final' }, senior, 'approve'))).toBe(
      'illegal_transition',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../shared/cases/enums';
import {
  allowedEvents,
  CASE_EVENTS,
  CASE_TRANSITIONS,
  eventsBeforeDecision,
  handOverEvent,
  nextStatus,
  transition,
} from '../../../shared/cases/stateMachine';
import { DeskError } from '../../../shared/errors/deskError';

describe('case state machine', () => {
  it('walks the desk path new → triaged → assigned → decided → notice sent → appeal window → final', () => {
    const path = [
      ['new', 'route', 'triaged'],
      ['triaged', 'claim', 'assigned'],
      ['assigned', 'decide', 'decided'],
      ['decided', 'send_notice', 'notice_sent'],
      ['notice_sent', 'open_appeal_window', 'appeal_window'],
      ['appeal_window', 'window_closed', 'final'],
    ] as const;
    for (const [from, event, to] of path) expect(transition(from, event)).toBe(to);
  });

  it('sends severe decisions through four-eyes approval and back', () => {
    expect(transition('assigned', 'submit_for_approval')).toBe('pending_approval');
    expect(transition('pending_approval', 'send_back')).toBe('assigned');
    expect(transition('pending_approval', 'approve')).toBe('decided');
  });

  it('returns an appeal asking for evidence to the member (docs/MARKETPLACE.md §6 stage 1)', () => {
    expect(transition('appeal_window', 'appeal')).toBe('under_appeal');
    expect(transition('under_appeal', 'request_evidence')).toBe('appeal_window');
  });

  it('refuses illegal changes with a CONFLICT naming the state and the event', () => {
    expect(() => transition('final', 'claim')).toThrow(DeskError);
    let caught: unknown;
    try {
      transition('dismissed', 'decide');
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({
      code: 'CONFLICT',
      reason: 'illegal_transition',
      details: { from: 'dismissed', event: 'decide' },
    });
  });

  it('has final and dismissed as terminal states, and only known states and events in the table', () => {
    expect(allowedEvents('final')).toEqual([]);
    expect(allowedEvents('dismissed')).toEqual([]);
    for (const [from, events] of Object.entries(CASE_TRANSITIONS)) {
      expect(CASE_STATUSES).toContain(from);
      for (const [event, to] of Object.entries(events ?? {})) {
        expect(CASE_EVENTS).toContain(event);
        expect(CASE_STATUSES).toContain(to);
      }
    }
  });

  it('agrees with nextStatus for every state and event', () => {
    for (const status of CASE_STATUSES) {
      for (const event of CASE_EVENTS) {
        const to = nextStatus(status, event);
        if (to) expect(transition(status, event)).toBe(to);
        else expect(() => transition(status, event)).toThrow(/cannot/);
        expect(allowedEvents(status).includes(event)).toBe(to !== null);
      }
    }
  });
});

describe('what a decision needs first, as the table says', () => {
  it('hands an unheld case over with claim, a held one with reassign, and nothing to its holder', () => {
    expect(handOverEvent('triaged')).toBe('claim');
    expect(handOverEvent('new')).toBe('claim');
    expect(handOverEvent('assigned')).toBe('reassign');
    expect(eventsBeforeDecision('triaged', false)).toEqual(['claim']);
    expect(eventsBeforeDecision('assigned', false)).toEqual(['reassign']);
    expect(eventsBeforeDecision('assigned', true)).toEqual([]);
  });

  it('allows no decision from any state the table does not lead to a decision from', () => {
    for (const status of CASE_STATUSES) {
      const events = eventsBeforeDecision(status, false);
      const held = events?.reduce((s, e) => nextStatus(s, e) ?? s, status);
      expect(events === null || (held !== undefined && nextStatus(held, 'decide') !== null), status).toBe(true);
      if (!['new', 'triaged', 'assigned'].includes(status)) expect(events, status).toBeNull();
    }
  });
});

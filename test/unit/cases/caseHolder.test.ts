import { describe, expect, it } from 'vitest';
import { type CaseActor, guardRecordChange, type RecordChange } from '../../../shared/cases/caseHolder';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/cases/enums';
import { DeskError } from '../../../shared/errors/deskError';

const reviewer: CaseActor = { kind: 'staff', userId: 7, role: 'reviewer' };
const otherReviewer: CaseActor = { kind: 'staff', userId: 8, role: 'reviewer' };
const triager: CaseActor = { kind: 'staff', userId: 9, role: 'triager' };
const lead: CaseActor = { kind: 'staff', userId: 10, role: 'lead' };

function outcome(status: CaseStatus, change: RecordChange, actor: CaseActor): string {
  try {
    guardRecordChange({ id: 1, status, assigneeId: status === 'assigned' ? 7 : null }, change, actor);
    return 'ok';
  } catch (err) {
    return err instanceof DeskError ? err.reason : String(err);
  }
}

describe('who may route, split and add evidence in which state', () => {
  it('allows none of them once a decision is pending or taken', () => {
    const closed = CASE_STATUSES.filter((s) => !['new', 'triaged', 'assigned'].includes(s));
    for (const status of closed)
      for (const change of ['route', 'split', 'add_evidence'] as const)
        expect(outcome(status, change, lead), `${change} when ${status}`).toBe('illegal_transition');
  });

  it('leaves a held case to its reviewer and leads', () => {
    expect(outcome('assigned', 'route', triager)).toBe('case_held');
    expect(outcome('assigned', 'split', triager)).toBe('case_held');
    expect(outcome('assigned', 'add_evidence', otherReviewer)).toBe('case_held');
    expect(outcome('assigned', 'add_evidence', reviewer)).toBe('ok');
    expect(outcome('assigned', 'route', lead)).toBe('ok');
    expect(outcome('assigned', 'add_evidence', { kind: 'integration' })).toBe('ok');
  });

  it('leaves unheld open cases to whoever the role allows', () => {
    expect(outcome('triaged', 'route', triager)).toBe('ok');
    expect(outcome('new', 'split', triager)).toBe('ok');
    expect(outcome('triaged', 'add_evidence', otherReviewer)).toBe('ok');
  });
});

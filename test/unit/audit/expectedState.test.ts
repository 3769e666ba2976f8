import { describe, expect, it } from 'vitest';
import { type AuditFact, compareRow, ExpectedState } from '../../../shared/audit/expectedState';

let seq = 0;
const fact = (action: string, data: unknown = null, targetId: string | null = null): AuditFact => ({
  seq: ++seq,
  action,
  targetId,
  data,
});

describe('the expected state folded from the trail', () => {
  it('follows a four-eyes decision from pending to effective, and a sent-back one', () => {
    const state = new ExpectedState();
    state.apply(fact('case.decision_submitted', { decisionId: 7, decision: 'apply', rule: 'counterfeit' }));
    expect(state.rows.decisions.get('7')).toEqual({ kind: 'apply', rule: 'counterfeit', status: 'pending_approval' });
    state.apply(fact('case.decided', { decisionId: 7, decision: 'apply', rule: 'counterfeit', violationId: 'V7' }));
    state.apply(fact('decision.approved', { decisionId: 7 }));
    expect(state.rows.decisions.get('7')).toEqual({ kind: 'apply', rule: 'counterfeit', status: 'effective' });
    expect(state.rows.violations.get('V7')).toEqual({ reversed: 'false' });
    state.apply(fact('case.decision_submitted', { decisionId: 8, decision: 'waive', rule: 'counterfeit' }));
    state.apply(fact('decision.sent_back', { decisionId: 8 }));
    expect(state.rows.decisions.get('8')?.status).toBe('sent_back');
  });

  it('stores no rule on a dismissal, and reverses only a violation the trail put on record', () => {
    const state = new ExpectedState();
    state.apply(fact('case.decided', { decisionId: 3, decision: 'dismiss', rule: 'counterfeit', violationId: null }));
    expect(state.rows.decisions.get('3')).toEqual({ kind: 'dismiss', rule: null, status: 'effective' });
    expect(state.rows.violations.size).toBe(0);
    state.apply(fact('appeal.decided', { reversedViolation: 'V99', reliefViolation: null }));
    expect(state.rows.violations.has('V99')).toBe(false);
    state.apply(fact('case.decided', { decisionId: 4, decision: 'apply', rule: 'counterfeit', violationId: 'V4' }));
    state.apply(fact('appeal.decided', { reversedViolation: 'V4', reliefViolation: 'V4-A1' }));
    expect(state.rows.violations.get('V4')).toEqual({ reversed: 'true' });
    expect(state.rows.violations.get('V4-A1')).toEqual({ reversed: 'false' });
  });

  it('reads older false-evidence events that did not name their rule', () => {
    const state = new ExpectedState();
    state.apply(fact('case.false_appeal_evidence', { decisionId: 5, violationId: 'V5' }));
    expect(state.rows.decisions.get('5')).toEqual({
      kind: 'apply',
      rule: 'false-appeal-evidence',
      status: 'effective',
    });
  });

  it('tracks a staff account from creation, and ignores changes to one it never saw created', () => {
    const state = new ExpectedState();
    state.apply(fact('user.role_changed', { before: 'reviewer', after: 'admin' }, '9'));
    expect(state.rows.users.has('9')).toBe(false);
    state.apply(fact('user.created', { username: 'a', role: 'triager' }, '2'));
    state.apply(fact('user.role_changed', { before: 'triager', after: 'lead' }, '2'));
    state.apply(fact('user.disabled', null, '2'));
    expect(state.rows.users.get('2')).toEqual({ role: 'lead', disabled: 'true' });
    state.apply(fact('user.enabled', null, '2'));
    expect(state.rows.users.get('2')?.disabled).toBe('false');
  });

  it('follows a case by the state each event leaves it in, and a split-off case from its split', () => {
    const state = new ExpectedState();
    state.apply(fact('case.created', { caseStatus: 'triaged', caseAssigneeId: null }, '12'));
    state.apply(fact('case.claimed', { caseStatus: 'assigned', caseAssigneeId: 4 }, '12'));
    expect(state.rows.cases.get('12')).toEqual({ status: 'assigned', assignee: '4' });
    state.apply(fact('case.report_split', { reportId: 30, newCaseId: 13, newCaseStatus: 'triaged' }, '12'));
    expect(state.rows.cases.get('13')).toEqual({ status: 'triaged', assignee: null });
    state.apply(
      fact('case.decided', { decisionId: 9, decision: 'dismiss', caseStatus: 'dismissed', caseAssigneeId: 4 }, '12'),
    );
    expect(state.rows.cases.get('12')).toEqual({ status: 'dismissed', assignee: '4' });
  });

  it('leaves out a case whose events predate the state fields, and ignores changes to one never created', () => {
    const state = new ExpectedState();
    state.apply(fact('case.created', { rule: 'counterfeit' }, '1'));
    state.apply(fact('case.claimed', { caseStatus: 'assigned', caseAssigneeId: 4 }, '1'));
    state.apply(fact('case.report_split', { reportId: 3, newCaseId: 2 }, '1'));
    expect(state.rows.cases.size).toBe(0);
    expect([...state.untracked.cases]).toEqual(['1', '2']);
    state.apply(fact('case.released', { caseStatus: 'triaged', caseAssigneeId: null }, '77'));
    expect(state.rows.cases.has('77')).toBe(false);
    expect(state.untracked.cases.has('77')).toBe(false);
  });

  it('compares a row field by field, and names a row no event created', () => {
    expect(
      compareRow('users', '2', { role: 'triager', disabled: 'false' }, { role: 'admin', disabled: 'false' }),
    ).toEqual([{ table: 'users', id: '2', field: 'role', expected: 'triager', actual: 'admin' }]);
    expect(compareRow('users', '3', undefined, { role: 'admin', disabled: 'false' })).toEqual([
      { table: 'users', id: '3', field: '(row)', expected: 'absent', actual: 'present' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { type AlertRef, accountActionAllowed, alertsHandledBy } from '../../../shared/alerts/cascade';

/** Shop S1: sub-1 has three pending alerts and one handled; sub-2 and the main account one each. S2 has its own sub-1. */
const ALERTS: AlertRef[] = [
  { id: 1, subjectId: 'S1', accountId: 'sub-1', status: 'pending' },
  { id: 2, subjectId: 'S1', accountId: 'sub-1', status: 'pending' },
  { id: 3, subjectId: 'S1', accountId: 'sub-1', status: 'pending' },
  { id: 4, subjectId: 'S1', accountId: 'sub-1', status: 'handled' },
  { id: 5, subjectId: 'S1', accountId: 'sub-2', status: 'pending' },
  { id: 6, subjectId: 'S1', accountId: 'main', status: 'pending' },
  { id: 7, subjectId: 'S2', accountId: 'sub-1', status: 'pending' },
];

describe('the alert cascade rule (快手《数据安全管理》 §3.4)', () => {
  it('"no risk" handles exactly the chosen pending alerts, never their siblings', () => {
    expect(alertsHandledBy({ kind: 'no_risk', alertIds: [2] }, ALERTS)).toEqual([2]);
    expect(alertsHandledBy({ kind: 'no_risk', alertIds: [1, 5, 7] }, ALERTS)).toEqual([1, 5, 7]);
  });

  it('"no risk" leaves already handled and unknown alerts alone', () => {
    expect(alertsHandledBy({ kind: 'no_risk', alertIds: [4, 99] }, ALERTS)).toEqual([]);
  });

  it.each(['disable_sub_account', 'delete_sub_account', 'force_password_change'] as const)(
    '%s handles every pending alert of that account of that shop, and nothing else',
    (action) => {
      expect(alertsHandledBy({ kind: 'account_action', action, subjectId: 'S1', accountId: 'sub-1' }, ALERTS)).toEqual([
        1, 2, 3,
      ]);
    },
  );

  it('an account action on an account with nothing pending handles nothing', () => {
    const handled = ALERTS.map((a) => ({ ...a, status: 'handled' as const }));
    expect(
      alertsHandledBy(
        { kind: 'account_action', action: 'force_password_change', subjectId: 'S1', accountId: 'sub-1' },
        handled,
      ),
    ).toEqual([]);
  });

  it('only sub-accounts can be disabled or deleted; any account can be made to change its password', () => {
    expect(accountActionAllowed('disable_sub_account', 'sub')).toBe(true);
    expect(accountActionAllowed('delete_sub_account', 'sub')).toBe(true);
    expect(accountActionAllowed('disable_sub_account', 'main')).toBe(false);
    expect(accountActionAllowed('delete_sub_account', 'main')).toBe(false);
    expect(accountActionAllowed('force_password_change', 'main')).toBe(true);
    expect(accountActionAllowed('force_password_change', 'sub')).toBe(true);
  });
});

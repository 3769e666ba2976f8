import type { AccountAction, AccountKind, AlertStatus } from './enums';

/** What the cascade rule needs to know of an alert. */
export interface AlertRef {
  id: number;
  subjectId: string;
  accountId: string;
  status: AlertStatus;
}

/**
 * How staff handle alerts (快手《数据安全管理》 alerts, §3.4; docs/MARKETPLACE.md §7): "verified, no risk" changes only the alerts it is
 * applied to; acting on the account changes every pending alert of that account, because the
 * account itself is now safe, whatever each alert said.
 */
export type AlertHandling =
  | { kind: 'no_risk'; alertIds: readonly number[] }
  | { kind: 'account_action'; action: AccountAction; subjectId: string; accountId: string };

/** The ids of the alerts that `handling` marks handled, out of `alerts`; already handled ones stay as they are. */
export function alertsHandledBy(handling: AlertHandling, alerts: readonly AlertRef[]): number[] {
  const pending = alerts.filter((a) => a.status === 'pending');
  if (handling.kind === 'no_risk') {
    const chosen = new Set(handling.alertIds);
    return pending.filter((a) => chosen.has(a.id)).map((a) => a.id);
  }
  // Account ids are the shop's own: the same id under another shop is another account.
  return pending
    .filter((a) => a.subjectId === handling.subjectId && a.accountId === handling.accountId)
    .map((a) => a.id);
}

/** Only sub-accounts can be disabled or deleted; the main account is the shop (快手《数据安全管理》 §3.3.2). */
export function accountActionAllowed(action: AccountAction, accountKind: AccountKind): boolean {
  return action === 'force_password_change' || accountKind === 'sub';
}

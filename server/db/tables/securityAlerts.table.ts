import type { Generated, Insertable, Selectable } from 'kysely';
import type { AccountKind, AlertLevel, AlertResolution, AlertStatus, AlertType } from '../../../shared/alerts/enums';

/** An account-security risk alert on one of a shop's accounts (docs/MARKETPLACE.md §7). */
export interface SecurityAlertsTable {
  id: Generated<number>;
  /** The marketplace's id of the alert: intake is idempotent on it. */
  external_id: string;
  subject_id: string;
  shop_name: string | null;
  account_id: string;
  account_kind: AccountKind;
  nickname: string;
  /** Personal data, in full: never listed, only revealed (audited). */
  phone: string | null;
  phone_masked: string | null;
  level: AlertLevel;
  type: AlertType;
  detected_at: string;
  details: string;
  suggestion: string;
  status: AlertStatus;
  resolution: AlertResolution | null;
  handled_by: number | null;
  handled_at: string | null;
  note: string | null;
  /** Set when handled: every alert handled by the same request shares it with its audit events. */
  batch_id: string | null;
  submitted_by: string;
  created_at: string;
}
export type SecurityAlertRow = Selectable<SecurityAlertsTable>;
export type NewSecurityAlertRow = Insertable<SecurityAlertsTable>;

/**
 * Account-security risk alerts (docs/MARKETPLACE.md §7): the marketplace warns that one of a
 * shop's accounts (the main account or a sub-account) behaves unlike its holder.
 */

export const ALERT_LEVELS = ['low', 'medium', 'high'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** Risk types the seed names (unusual login place, access far above normal), and a catch-all. */
export const ALERT_TYPES = ['unusual_login_location', 'abnormal_access_volume', 'other'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const ACCOUNT_KINDS = ['main', 'sub'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** The two lists of the seed: 待处理预警 and 已处理预警. */
export const ALERT_STATUSES = ['pending', 'handled'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** What staff can do to the account itself (快手《数据安全管理》 §4): each closes all its pending alerts. */
export const ACCOUNT_ACTIONS = ['disable_sub_account', 'delete_sub_account', 'force_password_change'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

/** How an alert was handled: verified as normal business ("no risk"), or by an account action. */
export const ALERT_RESOLUTIONS = ['no_risk', ...ACCOUNT_ACTIONS] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

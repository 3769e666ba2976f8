/** Enumerations shared by the server, the client and the integration API. */

export const SUBJECT_KINDS = ['merchant', 'buyer', 'creator', 'brand'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Where a report came from (docs/MARKETPLACE.md §1). */
export const REPORT_SOURCES = ['user_report', 'spot_check', 'system_detection'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/**
 * Desk states of a case. The violation stages of docs/MARKETPLACE.md §6 map onto them:
 * notice_sent/appeal_window = "pending the member's action", under_appeal = "under staff
 * review", final = "violation record".
 */
export const CASE_STATUSES = [
  'new',
  'triaged',
  'assigned',
  'pending_approval',
  'decided',
  'notice_sent',
  'appeal_window',
  'under_appeal',
  'final',
  'dismissed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** States in which a case is still waiting for a reviewer. */
export const OPEN_CASE_STATUSES = [
  'new',
  'triaged',
  'assigned',
  'pending_approval',
] as const satisfies readonly CaseStatus[];

/** Why a sign-in through the identity provider was refused; each is audited as `auth.oidc_refused`. */
export const OIDC_REFUSAL_REASONS = [
  'oidc_unknown_user',
  'oidc_no_role',
  'oidc_username_invalid',
  'oidc_account_disabled',
  'oidc_account_mismatch',
  'oidc_account_ambiguous',
  'oidc_bad_state',
  'oidc_provider_error',
  'oidc_token_invalid',
] as const;

/**
 * Every `reason` the server can send a client, closed. A reason is stable: clients and
 * integrations branch on it, and the desk shows `error.<reason>` from its locales, which are
 * type-checked to hold exactly these keys (client/i18n/errorMessages.ts).
 *
 * Adding one: a line here, in its area, then its sentence in both locales' `error` section.
 */
export const DESK_ERROR_REASONS = [
  // Input, before or beside a procedure's own checks (zod, server/http/hostileInput.ts, tRPC batching).
  'invalid_input',
  'malformed_text',
  'input_too_deep',
  'batch_too_large',
  'invalid_cursor',
  'invalid_range',

  // Free-text search queries (shared/search/searchText.ts).
  'search_query_empty',
  'search_query_too_long',
  'search_query_no_terms',
  'search_query_too_many_terms',

  // Request guards: CSRF header, view tickets, request budgets (server/http, server/trpc/rateLimits.ts).
  'csrf',
  'ticket_required',
  'session_required',
  'rate_limited',

  // Signing in, the steps a session still owes (shared/auth/signInGate.ts), the second factor.
  'invalid_credentials',
  'account_locked',
  'unknown_user',
  'totp_code_required',
  'password_change_required',
  'totp_enrolment_required',
  'invalid_totp_code',
  'totp_not_started',
  'totp_already_enabled',
  'totp_code_used',
  'invalid_recovery_code',

  // Single sign-on through the company's OpenID Connect provider (server/http/oidc.routes.ts).
  'password_sign_in_off',
  ...OIDC_REFUSAL_REASONS,
  'oidc_unavailable',

  // Passwords (server/auth/passwords.ts).
  'password_too_short',
  'password_too_long',
  'password_common',
  'password_contains_username',
  'password_weak',
  'password_unchanged',

  // Staff administration and access grants.
  'invalid_username',
  'username_taken',
  'invalid_email',
  'email_taken',
  'own_account',
  'last_admin',
  'main_account_not_removable',
  'grant_pending',
  'grant_not_pending',
  'own_grant',

  // Integration tokens.
  'invalid_token_name',
  'token_name_taken',
  'invalid_scope',
  'invalid_token_expiry',
  'token_already_revoked',

  // Queues, routing and who holds a case.
  'queue_exists',
  'not_queue_member',
  'hold_limit_reached',
  'invalid_assignee',
  'not_your_case',
  'case_held',

  // Cases: intake, versions, transitions, organising.
  'case_changed',
  'stale_version',
  'illegal_transition',
  'subject_kind_mismatch',
  'platform_mismatch',
  'rule_not_on_platform',
  'first_report',
  'self_link',
  'same_name',

  // Decisions and their approval.
  'unknown_rule',
  'invalid_facts',
  'measure_not_in_rule',
  'rule_not_in_family',
  'rule_not_in_force',
  'violation_in_future',
  'note_required',
  'four_eyes_same_person',
  'decision_not_pending',

  // Appeals.
  'nothing_to_appeal',
  'already_appealed',
  'appeal_open',
  'appeal_window_closed',
  'evidence_deadline_passed',
  'appeal_conflict_of_interest',
  'not_your_appeal',
  'appeal_not_under_review',
  'appeal_changed',

  // Evidence files and their uploads (server/http/readUpload.ts, server/http/evidence.routes.ts).
  'empty_file',
  'file_too_large',
  'unsupported_type',
  'invalid_kind',
  'kind_mismatch',
  'malformed_upload',
  'upload_timed_out',
  'too_many_uploads',
  'evidence_has_no_file',

  // Security alerts and personal data.
  'alert_already_handled',
  'alert_changed',
  'pii_not_on_file',

  // The enforcement outbox (server/outbox/addressPolicy.ts).
  'webhook_url_credentials',
  'webhook_url_internal_host',
  'webhook_url_blocked_address',
  'delivery_already_delivered',

  // Internal notes (server/services/notes.service.ts).
  'note_frozen',
  'not_note_author',
  'note_changed',
  // Tags and saved queue views.
  'tag_name_taken',
  'tag_retired',
  'too_many_views',
  // Quality assurance (server/services/qa*.service.ts).
  'qa_task_not_yours',
  'qa_task_state',
  'qa_own_decision',
  'qa_own_task',
  'qa_nothing_to_reverse',
  'qa_decision_changed',
] as const;

/** What `notFound(entity, id)` can name; its reason is `<entity>_not_found`. */
export const NOT_FOUND_ENTITIES = [
  'alert',
  'appeal',
  'case',
  'decision',
  'evidence',
  'export',
  'grant',
  'note',
  'outbox_delivery',
  'outbox_endpoint',
  'qa_task',
  'queue',
  'report',
  'routing_rule',
  'subject',
  'tag',
  'token',
  'user',
  'view',
] as const;
export type NotFoundEntity = (typeof NOT_FOUND_ENTITIES)[number];

export type DeskErrorReason = (typeof DESK_ERROR_REASONS)[number] | `${NotFoundEntity}_not_found`;

export const notFoundReason = (entity: NotFoundEntity) => `${entity}_not_found` as const;

/** Every reason, the not-found ones included: what the locales and the tests walk. */
export const ALL_DESK_ERROR_REASONS: readonly DeskErrorReason[] = [
  ...DESK_ERROR_REASONS,
  ...NOT_FOUND_ENTITIES.map(notFoundReason),
];

const KNOWN = new Set<string>(ALL_DESK_ERROR_REASONS);

/** Narrows what came over the wire (a tRPC error's `data.reason`, a JSON error body). */
export function isDeskErrorReason(value: unknown): value is DeskErrorReason {
  return typeof value === 'string' && KNOWN.has(value);
}

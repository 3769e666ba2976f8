import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ATTEMPT_RESULTS, OutboxEventType } from '../../../shared/api/outbox';
import type { Decoded } from '../jsonColumns';

/** One message per enforcement change, written in the transaction that made the change. */
export interface OutboxMessagesTable {
  /** The message's `sequence`: increasing in commit order (docs/OUTBOX.md). */
  id: Generated<number>;
  /** Deterministic from what the message describes; unique, so a second write is a no-op. */
  idempotency_key: string;
  type: OutboxEventType;
  subject_id: string;
  case_id: number | null;
  /** JSON text: the message body without `sequence`. */
  payload: string;
  created_at: string;
}
/** A message's body without `sequence`: its idempotency key as `id`, then what it describes. */
export interface OutboxPayload {
  id: string;
  [field: string]: unknown;
}
/** A message as its repository hands it out and takes it in: its body decoded. */
export type OutboxMessageRow = Decoded<Selectable<OutboxMessagesTable>, { payload: OutboxPayload }>;
export type NewOutboxMessageRow = Decoded<Insertable<OutboxMessagesTable>, { payload: OutboxPayload }>;

/** A webhook an admin registered for some event types. */
export interface OutboxEndpointsTable {
  id: Generated<number>;
  url: string;
  description: string;
  /** JSON text: OutboxEventType[]. */
  event_types: string;
  secret: string;
  enabled: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** Removed endpoints stay for the history of what was delivered to them. */
  deleted_at: string | null;
}
/** An endpoint as its repository hands it out and takes it in: its event types decoded. */
export type OutboxEndpointRow = Decoded<Selectable<OutboxEndpointsTable>, { event_types: OutboxEventType[] }>;
export type NewOutboxEndpointRow = Decoded<Insertable<OutboxEndpointsTable>, { event_types: OutboxEventType[] }>;
export type OutboxEndpointUpdate = Decoded<Updateable<OutboxEndpointsTable>, { event_types?: OutboxEventType[] }>;

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One message on its way to one endpoint. */
export interface OutboxDeliveriesTable {
  id: Generated<number>;
  message_id: number;
  endpoint_id: number;
  subject_id: string;
  status: DeliveryStatus;
  /** Attempts started (counted when claimed, so a worker that dies mid-send still counts). */
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}
export type OutboxDeliveryRow = Selectable<OutboxDeliveriesTable>;

export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];

/** One HTTP attempt of one delivery (the audit trail records only the outcomes). */
export interface OutboxAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  worker: string;
  started_at: string;
  finished_at: string;
  result: AttemptResult;
  http_status: number | null;
  /** A DeliveryError: timeout, refused, dns, tls, blocked_address, `http_status <n>`. */
  error: string | null;
  duration_ms: number;
  next_attempt_at: string | null;
  lease_lost: Generated<number>;
}
export type OutboxAttemptRow = Selectable<OutboxAttemptsTable>;

/** A measure the outbox announced as in force (measure.started) and has not yet ended or lifted. */
export interface EnforcementStateTable {
  subject_id: string;
  scope_key: string;
  measure: string;
  scope_type: 'finding' | 'punishment' | 'item';
  scope_id: string;
  from_value: string;
  until_value: string | null;
  starts_at: string;
  ends_at: string | null;
  finding_id: string;
  rule: string;
  rule_version: string;
  case_id: number | null;
  updated_at: string;
}
export type EnforcementStateRow = Selectable<EnforcementStateTable>;

import type { Insertable, Selectable } from 'kysely';

/**
 * The append-only audit trail. Each row's hash covers the previous row's hash and the
 * row's canonical JSON, so editing or deleting any row breaks the chain from there on.
 */
export interface AuditEventsTable {
  seq: number;
  at: string;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON text: before/after or the decision payload. */
  data: string | null;
  request_id: string | null;
  batch_id: string | null;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
}
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;

/** Every column in table order: what an export row carries (the hashed fields, then the hashes). */
export const AUDIT_COLUMNS = [
  'seq',
  'at',
  'actor_type',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'data',
  'request_id',
  'batch_id',
  'ip',
  'user_agent',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditEventsTable)[];

import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEventRow } from '../db/tables/auditEvents.table';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a row's hash covers: everything but the hashes themselves. */
export type HashedAuditFields = Omit<AuditEventRow, 'prev_hash' | 'hash'>;

/** The event as RFC 8785 canonical JSON: what the chain hashes after the previous hash. */
export function canonicalEvent(event: HashedAuditFields): string {
  const fields: HashedAuditFields = {
    seq: event.seq,
    at: event.at,
    actor_type: event.actor_type,
    actor_id: event.actor_id,
    action: event.action,
    target_type: event.target_type,
    target_id: event.target_id,
    data: event.data,
    request_id: event.request_id,
    batch_id: event.batch_id,
    ip: event.ip,
    user_agent: event.user_agent,
  };
  return canonicalize(fields) ?? '';
}

/** hash = sha256(prev_hash || canonical JSON of the event) (RFC 8785 canonical form). */
export function auditEventHash(prevHash: string, event: HashedAuditFields): string {
  return chainHash(prevHash, canonicalEvent(event));
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

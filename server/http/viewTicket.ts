import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { CSRF_HEADER } from './csrf';

/**
 * Short-lived tickets for GET requests that write an audit event (an evidence view, an audit
 * export). A page on another origin of the same site can make the browser send such a GET
 * with the session cookie, and the event would name the victim; SameSite does not stop a
 * same-site origin. The GET must therefore prove it comes from the desk's own page: the
 * `x-verdict-csrf: 1` header (which a cross-origin page cannot add without a preflight the
 * server never answers) or a ticket in the URL.
 *
 * A ticket is `<expiry ms>.<HMAC-SHA256 of scope and expiry>`, keyed by the session token
 * itself: bound to that session (it dies with it), checkable by every instance with no
 * shared secret or state, and unguessable without the cookie. The desk hands tickets only in
 * responses another origin cannot read (the case detail, a CSRF-protected mutation).
 */
export function issueTicket(sessionToken: string, scope: string, now: Date, ttlMs: number): string {
  const expires = now.getTime() + ttlMs;
  return `${expires}.${signature(sessionToken, scope, expires)}`;
}

export function ticketValid(sessionToken: string, scope: string, ticket: string, now: Date): boolean {
  const [expiresText = '', given = ''] = ticket.split('.');
  const expires = Number(expiresText);
  if (!Number.isSafeInteger(expires) || expires < now.getTime()) return false;
  const expected = Buffer.from(signature(sessionToken, scope, expires));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a GET carries the desk's header or a valid ticket for `scope` in `?ticket=`. */
export function fromDeskPage(req: Request, sessionToken: string, scope: string, now: Date): boolean {
  if (req.get(CSRF_HEADER) === '1') return true;
  const ticket = req.query.ticket;
  return typeof ticket === 'string' && ticketValid(sessionToken, scope, ticket, now);
}

function signature(sessionToken: string, scope: string, expires: number): string {
  return createHmac('sha256', sessionToken).update(`${scope}|${expires}`).digest('base64url');
}

export const evidenceScope = (evidenceId: number) => `evidence:${evidenceId}`;
export const AUDIT_EXPORT_SCOPE = 'audit_export';
/** Evidence links live as long as a case page may stay open; the session ends them sooner. */
export const EVIDENCE_TICKET_MS = 12 * 3_600_000;
export const AUDIT_EXPORT_TICKET_MS = 5 * 60_000;

import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Staff sessions live in the database so that several server instances share them.
 * `id` is the SHA-256 of the cookie token: a leaked table does not leak live sessions.
 */
export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  /** 1 while the session has passed the password but not yet the TOTP code. */
  pending_mfa: Generated<number>;
  /** How the session was opened: the desk's password, or the company's identity provider. */
  sign_in_method: Generated<SignInMethod>;
}
export type SignInMethod = 'password' | 'oidc';
export type SessionRow = Selectable<SessionsTable>;
export type NewSessionRow = Insertable<SessionsTable>;

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../../../shared/auth/roles';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  /** ISO time the account was disabled; disabled users cannot sign in. */
  disabled_at: string | null;
  created_at: string;
  last_login_at: string | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  /** 1 when the password was set by someone else: the next session must choose a new one first. */
  must_change_password: Generated<number>;
  /** Base32 TOTP secret; pending until `totp_enabled_at` is set by a confirmed code. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** Lower-case address matched against the identity provider's verified `email` claim. */
  email: string | null;
  /** `<issuer> <sub>` of the provider account this one is bound to (first OIDC sign-in). */
  oidc_subject: string | null;
  /** The newest time step whose code was accepted: that step and older ones are refused (replay). */
  totp_last_step: number | null;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

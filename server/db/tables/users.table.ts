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
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

import type { Generated, Selectable } from 'kysely';
import type { Role } from '../../../shared/auth/roles';

export type StaffGrantKind = 'create' | 'role';
export type StaffGrantStatus = 'pending' | 'approved' | 'rejected';

/** A privileged role grant waiting for a second admin (dual control, migration 0016). */
export interface StaffGrantsTable {
  id: Generated<number>;
  kind: StaffGrantKind;
  /** The account whose role changes; null for an account still to be created. */
  user_id: number | null;
  username: string;
  display_name: string;
  role: Role;
  /** For `create`: the new account's password hash, set when it is created. */
  password_hash: string | null;
  status: StaffGrantStatus;
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
}
export type StaffGrantRow = Selectable<StaffGrantsTable>;

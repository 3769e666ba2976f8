import type { Generated } from 'kysely';

/** Failure counts of usernames that are no account: they lock like real ones (migration 0016). */
export interface LoginAttemptsTable {
  username: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  updated_at: string;
}

import type { Generated } from 'kysely';

/** One-time recovery codes for the TOTP step, as hashes (migration 0019). */
export interface TotpRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  created_at: string;
  /** When the code was spent; a spent code is refused. */
  used_at: string | null;
}

import type { Role } from './roles';

/**
 * What a session must do before it may do anything else:
 * - `totp_code`: the password was right; the second factor's code is still due;
 * - `password_change`: the password was set by someone else (CLI, an admin's reset);
 * - `totp_enrolment`: an admin (when DESK_MFA_ADMINS=required) has no second factor yet.
 */
export const SIGN_IN_GATES = ['totp_code', 'password_change', 'totp_enrolment'] as const;
export type SignInGate = (typeof SIGN_IN_GATES)[number];

export type MfaAdminsPolicy = 'required' | 'optional';

export interface GateFacts {
  pendingMfa: boolean;
  mustChangePassword: boolean;
  role: Role;
  totpEnabled: boolean;
}

/** The first gate left, or null when the session is fully signed in. The factor comes first. */
export function signInGate(facts: GateFacts, mfaAdmins: MfaAdminsPolicy): SignInGate | null {
  if (facts.pendingMfa) return 'totp_code';
  if (facts.mustChangePassword) return 'password_change';
  if (facts.role === 'admin' && !facts.totpEnabled && mfaAdmins === 'required') return 'totp_enrolment';
  return null;
}

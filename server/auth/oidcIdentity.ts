import { claimValues } from '../../shared/auth/oidcRoles';

/** What the desk uses of a person the identity provider vouched for (ID token plus userinfo). */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  /** `preferred_username`, lower-case: matched against desk usernames, and the new account's name. */
  username: string | null;
  /** `email`, lower-case, only when the provider says it verified it (`email_verified: true`). */
  email: string | null;
  displayName: string | null;
  /** The role claim's values (DESK_OIDC_ROLE_CLAIM); empty without one. */
  roleValues: string[];
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Reads the claims the provider signed (ID token, already verified: issuer, audience, nonce,
 * expiry) merged with its userinfo answer for the same `sub`. An unverified email is ignored:
 * anyone could otherwise claim a staff member's address at a provider that lets people type it.
 */
export function identityOf(claims: Record<string, unknown>, roleClaim: string | null): ProviderIdentity {
  const email = text(claims.email);
  return {
    issuer: String(claims.iss),
    subject: String(claims.sub),
    username: text(claims.preferred_username)?.toLowerCase() ?? null,
    email: email && claims.email_verified === true ? email.toLowerCase() : null,
    displayName: text(claims.name),
    roleValues: roleClaim ? claimValues(claims[roleClaim]) : [],
  };
}

/** How a provider account is stored on the desk account it is bound to. */
export const subjectKey = (identity: Pick<ProviderIdentity, 'issuer' | 'subject'>) =>
  `${identity.issuer} ${identity.subject}`;

/**
 * Which desk account a provider identity signs in as. Candidates are looked up by the bound
 * provider subject, by username (`preferred_username`) and by verified email; this decides.
 *
 * - An account bound to this subject wins: renames at the provider do not matter.
 * - Otherwise username and email must not point at two different accounts.
 * - An account already bound to another subject is refused: a second provider account that
 *   took the same username or email must not inherit it.
 */
export interface AccountCandidate {
  id: number;
  /** `<issuer> <sub>` the account is bound to, or null while never signed in through a provider. */
  oidcSubject: string | null;
}

export type AccountMatch<U extends AccountCandidate> =
  | { kind: 'matched'; user: U; by: 'subject' | 'username' | 'email' }
  | { kind: 'none' }
  | { kind: 'refused'; reason: 'oidc_account_ambiguous' | 'oidc_account_mismatch'; userId: number };

export function matchAccount<U extends AccountCandidate>(
  subject: string,
  found: { bySubject?: U; byUsername?: U; byEmail?: U },
): AccountMatch<U> {
  // The lookups are separate statements: one may already see the binding a parallel first
  // sign-in of the same person committed after the subject lookup ran.
  const bound = [found.bySubject, found.byUsername, found.byEmail].find((u) => u?.oidcSubject === subject);
  if (bound) return { kind: 'matched', user: bound, by: 'subject' };
  const { byUsername, byEmail } = found;
  if (byUsername && byEmail && byUsername.id !== byEmail.id)
    return { kind: 'refused', reason: 'oidc_account_ambiguous', userId: byUsername.id };
  const user = byUsername ?? byEmail;
  if (!user) return { kind: 'none' };
  if (user.oidcSubject !== null) return { kind: 'refused', reason: 'oidc_account_mismatch', userId: user.id };
  return { kind: 'matched', user, by: byUsername ? 'username' : 'email' };
}

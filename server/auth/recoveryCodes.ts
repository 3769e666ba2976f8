import { createHash, randomInt } from 'node:crypto';

/** How many recovery codes an enrolment (or a regeneration) gives. */
export const RECOVERY_CODE_COUNT = 10;
/**
 * Letters only, so a recovery code is never mistaken for the app's digits; no i, l or o, so a
 * code copied by hand from paper still reads right.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz';
const GROUP = 5;

/** Ten random codes such as `kwmqa-xrfhd` (about 45 bits each; five wrong tries lock the account). */
export function newRecoveryCodes(): string[] {
  const one = () =>
    Array.from({ length: GROUP * 2 }, (_, i) => (i === GROUP ? '-' : '') + ALPHABET[randomInt(ALPHABET.length)]).join(
      '',
    );
  return Array.from({ length: RECOVERY_CODE_COUNT }, one);
}

/** The form a code is compared in: case, spaces and dashes as typed do not matter. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * What is stored: the codes are random, so a fast hash is enough (nothing to brute-force from
 * a guessable input); the user id keeps equal codes of two users apart.
 */
export function hashRecoveryCode(userId: number, code: string): string {
  return createHash('sha256')
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}

/** Digits are the authenticator's code (refused unless six and right); letters, a recovery code. */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d+$/.test(code.replace(/\s/g, ''));
}

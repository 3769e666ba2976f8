import argon2 from 'argon2';
import { DeskError } from '../../shared/errors/deskError';
import { isCommonPassword } from './commonPasswords';
import { MIN_PASSWORD_SCORE, passwordStrength } from './passwordStrength';

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a sign-in near 30 ms on our 2-core machines.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so timing does not reveal which names exist. */
let dummyHash: Promise<string> | undefined;
export function burnPasswordCheck(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password-verdict');
  return dummyHash.then((h) => verifyPassword(h, password));
}

export const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes any length, but an unbounded one is a cheap way to burn our CPU. */
export const MAX_PASSWORD_LENGTH = 256;

export async function assertPasswordAcceptable(
  password: string,
  username: string,
  displayName?: string,
): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DeskError(
      'BAD_REQUEST',
      'password_too_short',
      `password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new DeskError(
      'BAD_REQUEST',
      'password_too_long',
      `password must have at most ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new DeskError('BAD_REQUEST', 'password_contains_username', 'password must not contain the username');
  }
  if (isCommonPassword(password)) {
    throw new DeskError(
      'BAD_REQUEST',
      'password_common',
      'this password is among the most common ones; choose another',
    );
  }
  // Patterns a list cannot hold (sequences, repeats, keyboard rows, dates, the desk's own words).
  const strength = await passwordStrength(password, [username, displayName ?? '']);
  if (strength.score < MIN_PASSWORD_SCORE) {
    throw new DeskError('BAD_REQUEST', 'password_weak', 'this password is too easy to guess; choose a longer one', {
      field: 'password',
      score: strength.score,
      warning: strength.warning,
      suggestions: strength.suggestions,
    });
  }
}

/**
 * The server's minimum (server/auth/passwords.ts): checked here too so a short password is
 * caught as it is typed. The common-password list and the username rule stay on the server,
 * whose refusal the dialogs show translated.
 */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'tooShort' | 'mismatch';

/** What is wrong with a new password and its repetition, if anything. */
export function checkNewPassword(password: string, repeated: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password !== repeated) return 'mismatch';
  return null;
}

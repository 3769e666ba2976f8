import { TOTP } from 'otpauth';

/**
 * What the test helpers learned while finishing sign-ins for real: each account's TOTP secret
 * (from its enrolment) and the password it chose when it had to replace one, per desk URL.
 */
const secrets = new Map<string, string>();
const renewedPasswords = new Map<string, string>();
const key = (baseUrl: string, username: string) => `${new URL(baseUrl).origin}|${username}`;

export function rememberTotpSecret(baseUrl: string, username: string, secret: string): void {
  secrets.set(key(baseUrl, username), secret);
}

/** The current code of an account enrolled through the helpers, computed like an authenticator app. */
export function totpCodeFor(baseUrl: string, username: string, at = new Date()): string {
  const secret = secrets.get(key(baseUrl, username));
  if (!secret) throw new Error(`no TOTP secret known for ${username} at ${baseUrl}`);
  return totpCode(secret, at);
}

export function totpCode(secret: string, at = new Date()): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
}

/** A strong password derived from the one a test gave, for a forced change. */
export function renewPassword(baseUrl: string, username: string, password: string): string {
  const renewed = `${password}-Renewed-Lantern-7`;
  renewedPasswords.set(key(baseUrl, username), renewed);
  return renewed;
}

/** The password to sign in with: the one chosen at a forced change, if the helpers made one. */
export function currentPassword(baseUrl: string, username: string, password: string): string {
  return renewedPasswords.get(key(baseUrl, username)) ?? password;
}

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

const STEP_MS = 30_000;
/** The newest time step whose code the helpers gave each account (the desk refuses it, and older ones, again). */
const lastSteps = new Map<string, number>();

/**
 * A code for an account the helpers enrolled (or for `secret`, the first time) that the desk
 * has not seen: the desk takes each time step once, so a second sign-in within the same 30
 * seconds answers with the next step's code (one step of clock drift is accepted), and a third
 * waits for the clock, like a person typing the next code their app shows.
 */
export async function unusedTotpCode(baseUrl: string, username: string, secret?: string): Promise<string> {
  const k = key(baseUrl, username);
  const known = secret ?? secrets.get(k);
  if (!known) throw new Error(`no TOTP secret known for ${username} at ${baseUrl}`);
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / STEP_MS);
    const step = Math.max(current, (lastSteps.get(k) ?? current - 1) + 1);
    if (step <= current + 1) {
      lastSteps.set(k, step);
      return totpCode(known, new Date(step * STEP_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * STEP_MS - now + 50));
  }
}

/** The code an authenticator app shows for `secret` at `at`. */
export function totpCode(secret: string, at = new Date()): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
}

/** The code of the step after the current one: accepted (one step of drift) once the current one was used. */
export function nextStepTotpCode(secret: string): string {
  return totpCode(secret, new Date(Date.now() + STEP_MS));
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

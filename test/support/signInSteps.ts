import { TOTP } from 'otpauth';

/**
 * What the test helpers learned while finishing sign-ins for real: each account's TOTP secret
 * (from its enrolment) and the password it chose when it had to replace one, per desk URL.
 */
const secrets = new Map<string, string>();
const renewedPasswords = new Map<string, string>();
const key = (baseUrl: string, username: string) => `${new URL(baseUrl).origin}|${username}`;
const STEP_MS = 30_000;
/** The newest time step whose code the helpers gave each account (the desk refuses it, and older ones, again). */
const lastSteps = new Map<string, number>();
const recoveryCodes = new Map<string, string[]>();

export function rememberTotpSecret(baseUrl: string, username: string, secret: string): void {
  const k = key(baseUrl, username);
  secrets.set(k, secret);
  // A new secret starts afresh on the desk too: no step used, no recovery codes yet.
  lastSteps.delete(k);
  recoveryCodes.delete(k);
}

/** The recovery codes shown at enrolment, kept to stand in for a code when none is free. */
export function rememberRecoveryCodes(baseUrl: string, username: string, codes: string[]): void {
  recoveryCodes.set(key(baseUrl, username), [...codes]);
}

function secretOf(k: string): string {
  const secret = secrets.get(k);
  if (!secret) throw new Error(`no TOTP secret known for ${k}`);
  return secret;
}

/**
 * The code of a step the desk has not seen yet, if one is good now: the current step, or the next
 * (the desk accepts one step of clock drift). Null when both were used.
 */
function freshCode(k: string): string | null {
  const current = Math.floor(Date.now() / STEP_MS);
  const step = Math.max(current, (lastSteps.get(k) ?? current - 1) + 1);
  if (step > current + 1) return null;
  lastSteps.set(k, step);
  return totpCode(secretOf(k), new Date(step * STEP_MS));
}

/**
 * A code for an account the helpers enrolled that the desk has not seen: the desk takes each
 * time step once, so a later sign-in within the same 30 seconds answers with the next step's
 * code, and beyond that waits for the clock, like a person typing the next code their app shows.
 */
export async function unusedTotpCode(baseUrl: string, username: string): Promise<string> {
  const k = key(baseUrl, username);
  for (;;) {
    const code = freshCode(k);
    if (code) return code;
    const wakeAt = (lastSteps.get(k) ?? 0) * STEP_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wakeAt - Date.now()) + 50));
  }
}

/**
 * What to type at the code step without waiting: a fresh code, else one of the recovery codes
 * kept from the enrolment (each once), else a fresh code once the clock gives one.
 */
export async function signInCodeFor(baseUrl: string, username: string): Promise<{ code: string; recovery: boolean }> {
  const k = key(baseUrl, username);
  const fresh = freshCode(k);
  if (fresh) return { code: fresh, recovery: false };
  const spare = recoveryCodes.get(k)?.shift();
  if (spare) return { code: spare, recovery: true };
  return { code: await unusedTotpCode(baseUrl, username), recovery: false };
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

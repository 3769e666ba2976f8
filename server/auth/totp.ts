import { Secret, TOTP } from 'otpauth';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
function totpOf(secretBase32: string, username: string): TOTP {
  return new TOTP({
    issuer: 'Verdict',
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (as a QR code or pasted). */
export function totpUri(secretBase32: string, username: string): string {
  return totpOf(secretBase32, username).toString();
}

/** True when `code` is the code of the step at `at` or of the one before or after (clock drift). */
export function totpCodeMatches(secretBase32: string, code: string, at: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpOf(secretBase32, '').validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
}

import type { Response } from 'express';
import { SESSION_COOKIE } from '../auth/sessionToken';

/**
 * Sets (or, with a null token, clears) the session cookie: the same for a password sign-in
 * and an identity provider's. `secure` when configured, or when the request arrived over
 * HTTPS (directly, or through a proxy trusted by DESK_TRUST_PROXY that says so).
 */
export function writeSessionCookie(
  res: Response,
  token: string | null,
  options: { secureCookie: boolean; expiresAt?: string },
): void {
  const cookie = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.secureCookie || res.req.secure,
    path: '/',
  };
  if (token) res.cookie(SESSION_COOKIE, token, { ...cookie, expires: new Date(options.expiresAt ?? 0) });
  else res.clearCookie(SESSION_COOKIE, cookie);
}

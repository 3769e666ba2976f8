import type { RequestHandler } from 'express';
import type { DeskErrorReason } from '../../shared/errors/reasons';
import { SESSION_COOKIE } from '../auth/sessionToken';

export const CSRF_HEADER = 'x-verdict-csrf';

/**
 * CSRF defence for cookie-authenticated writes. A browser sends the session cookie with a
 * forged cross-site request, but cannot add a custom header to one without a CORS
 * preflight, which this server never answers; so a write that carries the session cookie
 * must also carry `x-verdict-csrf: 1`. Bearer-token integrations are not cookie-bound and
 * are exempt. (SameSite=Strict on the cookie is the first line; this is the second.)
 */
export const requireCsrfHeader: RequestHandler = (req, res, next) => {
  const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
  const cookieBound =
    (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`) && !/^Bearer\s/i.test(req.get('authorization') ?? '');
  if (safe || !cookieBound || req.get(CSRF_HEADER) === '1') return next();
  res.status(403).json({
    error: {
      code: 'FORBIDDEN',
      reason: 'csrf' satisfies DeskErrorReason,
      message: `cookie-authenticated writes need the ${CSRF_HEADER}: 1 header`,
    },
  });
};

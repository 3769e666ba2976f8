import { parse as parseCookies } from 'cookie';
import { type Request, type Response, Router } from 'express';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { DeskError } from '../../shared/errors/deskError';
import type { OidcConfig } from '../auth/oidcConfig';
import { identityOf } from '../auth/oidcIdentity';
import { SESSION_COOKIE } from '../auth/sessionToken';
import { logout } from '../services/auth.service';
import { refuseProviderSignIn, signInWithProvider } from '../services/oidcSignIn.service';
import type { ServiceContext } from '../services/serviceContext';
import type { AppDeps } from '../trpc/context';
import { consume } from '../trpc/rateLimits';
import { writeSessionCookie } from './sessionCookie';

/**
 * The state, nonce and PKCE verifier of one sign-in, kept in the browser that started it
 * (HttpOnly, ten minutes, only sent to these routes). Plain, not secret from that browser:
 * each only binds the provider's answer to it. A callback whose `state` is not this cookie's
 * (a link someone else started: login CSRF) is refused; the ID token must carry the nonce;
 * the code is worth nothing without the verifier. No server-side store, so any instance
 * may finish a sign-in another started.
 */
const FLOW_COOKIE = 'verdict_oidc';
const FLOW_MAX_AGE_MS = 10 * 60_000;
const ROUTES_PATH = '/api/auth/oidc';

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

export type OidcRouteDeps = AppDeps & { logger: Logger; oidc: OidcConfig };

/** `GET /api/auth/oidc/start` sends the browser to the provider; `/callback` signs in from its answer. */
export function oidcRoutes(deps: OidcRouteDeps): Router {
  const routes = Router();
  const provider = providerConfiguration(deps.oidc);
  const secure = deps.session.secureCookie || deps.oidc.redirectUri.startsWith('https:');

  routes.get('/start', async (_req, res) => {
    let client: oidc.Configuration;
    try {
      client = await provider();
    } catch (err) {
      deps.logger.error({ err, issuer: deps.oidc.issuer.href }, 'identity provider unreachable');
      return backToLogin(res, 'oidc_unavailable');
    }
    const flow: Flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
    };
    const target = oidc.buildAuthorizationUrl(client, {
      redirect_uri: deps.oidc.redirectUri,
      scope: deps.oidc.scope,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    // Lax, not Strict: the provider's redirect back is a cross-site top-level navigation.
    res.cookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: ROUTES_PATH,
      maxAge: FLOW_MAX_AGE_MS,
    });
    res.redirect(target.href);
  });

  routes.get('/callback', async (req, res) => {
    const cookies = parseCookies(req.headers.cookie ?? '');
    const flow = readFlow(cookies[FLOW_COOKIE]);
    // One use only, whatever happens next.
    res.clearCookie(FLOW_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: ROUTES_PATH });
    const ctx = callbackContext(deps, req, res);
    try {
      await consume(deps.limits.login, req.ip ?? 'unknown');
      const claims = await verifiedClaims(ctx, deps, provider, req, flow);
      const identity = identityOf(claims, deps.oidc.roleClaim);
      const previous = cookies[SESSION_COOKIE];
      const { token, expiresAt } = await signInWithProvider(ctx, identity, deps.session, deps.oidc);
      // Rotation, as with a password: the session this browser had is ended.
      if (previous) await logout(ctx, previous);
      writeSessionCookie(res, token, { secureCookie: deps.session.secureCookie, expiresAt });
      res.redirect('/');
    } catch (err) {
      if (err instanceof DeskError) return backToLogin(res, err.reason);
      if ((err as { code?: string }).code === 'TOO_MANY_REQUESTS') return backToLogin(res, 'TOO_MANY_REQUESTS');
      deps.logger.error({ err }, 'sign-in through the identity provider failed');
      backToLogin(res, 'oidc_unavailable');
    }
  });
  return routes;
}

/**
 * The provider's answer checked end to end, or an audited refusal: our state first (before
 * any request to the provider), then openid-client redeems the code with the PKCE verifier
 * and verifies the ID token (signature, `iss` = the configured issuer, `aud`, expiry, nonce;
 * and the `iss` of the answer itself where the provider sends one, RFC 9207). Userinfo
 * claims of the same `sub` complete it (some providers put groups only there).
 */
async function verifiedClaims(
  ctx: ServiceContext,
  deps: OidcRouteDeps,
  provider: () => Promise<oidc.Configuration>,
  req: Request,
  flow: Flow | null,
): Promise<Record<string, unknown>> {
  const issuer = { issuer: deps.oidc.issuer.href.replace(/\/$/, '') };
  if (!flow || req.query.state !== flow.state) throw await refuseProviderSignIn(ctx, 'oidc_bad_state', issuer);
  if (typeof req.query.error === 'string')
    throw await refuseProviderSignIn(ctx, 'oidc_provider_error', issuer, undefined, req.query.error);
  const client = await provider();
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(client, new URL(req.originalUrl, deps.oidc.redirectUri), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    deps.logger.warn({ err }, 'identity provider answer refused');
    throw await refuseProviderSignIn(ctx, 'oidc_token_invalid', issuer, undefined, errorCode(err));
  }
  const idToken = tokens.claims();
  if (!idToken) throw await refuseProviderSignIn(ctx, 'oidc_token_invalid', issuer, undefined, 'no ID token');
  if (!client.serverMetadata().userinfo_endpoint) return idToken;
  try {
    const userinfo = await oidc.fetchUserInfo(client, tokens.access_token, idToken.sub);
    // The signed ID token wins where both say something (iss, sub, aud…).
    return { ...userinfo, ...idToken };
  } catch (err) {
    deps.logger.warn({ err }, 'identity provider userinfo failed');
    throw await refuseProviderSignIn(ctx, 'oidc_provider_error', issuer, undefined, errorCode(err));
  }
}

/** Discovery once, on first use (the desk starts even while the provider is down); retried after a failure. */
function providerConfiguration(config: OidcConfig): () => Promise<oidc.Configuration> {
  let discovered: Promise<oidc.Configuration> | null = null;
  return () => {
    discovered ??= oidc
      .discovery(config.issuer, config.clientId, undefined, oidc.ClientSecretBasic(config.clientSecret), {
        timeout: 10,
        // Plain http is allowed only for a loopback issuer (server/auth/oidcConfig.ts).
        execute: config.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      })
      .catch((err) => {
        discovered = null;
        throw err;
      });
    return discovered;
  };
}

function readFlow(cookie: string | undefined): Flow | null {
  if (!cookie) return null;
  try {
    const flow = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8'));
    const ok = ['state', 'nonce', 'verifier'].every((k) => typeof flow?.[k] === 'string' && flow[k].length <= 200);
    return ok ? (flow as Flow) : null;
  } catch {
    return null;
  }
}

function callbackContext(deps: OidcRouteDeps, req: Request, res: Response): ServiceContext {
  return {
    db: deps.db,
    clock: deps.clock,
    rulebooks: deps.rulebooks,
    bus: deps.bus,
    audit: {
      actor: { type: 'system', id: null },
      requestId: String(res.locals.requestId ?? ''),
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    },
  };
}

const errorCode = (err: unknown) =>
  String((err as { code?: unknown })?.code ?? (err as Error)?.message ?? 'unknown').slice(0, 200);

/** The login page shows the reason, translated (client/features/auth/LoginPage.tsx). */
function backToLogin(res: Response, reason: string): void {
  res.redirect(`/?signInError=${encodeURIComponent(reason)}`);
}

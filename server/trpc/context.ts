import { randomUUID } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { SignInGate } from '../../shared/auth/signInGate';
import type { AuditContext } from '../audit/recordEvent';
import type { OidcConfig } from '../auth/oidcConfig';
import { SESSION_COOKIE } from '../auth/sessionToken';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { ChangeBus } from '../events/changeBus';
import type { OutboxAddressPolicy } from '../outbox/addressPolicy';
import type { Rulebooks } from '../rulebooks';
import { resolveSession, type SessionPolicy, type StaffUser } from '../services/auth.service';
import type { ServiceContext } from '../services/serviceContext';
import { type Integration, resolveToken } from '../services/tokens.service';
import type { WriterThread } from '../writer/writerThread';
import type { RateLimits } from './rateLimits';

/** What the app hands every request: built once at start-up. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  rulebooks: Rulebooks;
  bus: ChangeBus;
  session: SessionPolicy & { secureCookie: boolean };
  /** The file of audit head anchors that `audit.verify` checks against (null or absent: none). */
  auditAnchorFile?: string | null;
  limits: RateLimits;
  /** Where webhook endpoints may point (absent: public addresses only). */
  outboxAddresses?: OutboxAddressPolicy;
  /** Whether statements are submitted to the DSA Transparency Database (DESK_DSA_*; absent: no). */
  dsaEnabled?: boolean;
  /** The company's OpenID Connect provider, when staff may sign in through it (DESK_OIDC_*). */
  oidc?: OidcConfig | null;
  /** Where claims, decisions and intake run when the desk has a writer thread (server/writer). */
  writer?: WriterThread | null;
}

export interface Context extends AppDeps {
  /** The signed-in staff member (session cookie), once every sign-in gate is passed. */
  user: StaffUser | null;
  /** A session that still owes a step (second factor, new password, enrolment): it may only do that. */
  gated: { user: StaffUser; gate: SignInGate } | null;
  /** The calling integration (bearer token); never set together with `user`. */
  integration: Integration | null;
  sessionToken: string | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** Present for HTTP requests (cookies); absent for in-process callers in tests. */
  res?: Response;
}

/** Builds a context without HTTP: for createCaller in tests and for the server below. */
export function createContextInner(deps: AppDeps, extra: Partial<Omit<Context, keyof AppDeps>> = {}): Context {
  return {
    ...deps,
    user: extra.user ?? null,
    gated: extra.gated ?? null,
    integration: extra.integration ?? null,
    sessionToken: extra.sessionToken ?? null,
    requestId: extra.requestId ?? randomUUID(),
    ip: extra.ip ?? null,
    userAgent: extra.userAgent ?? null,
    res: extra.res,
  };
}

export function contextFactory(deps: AppDeps) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
    const base = {
      requestId: String(res.locals.requestId ?? randomUUID()),
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      res,
    };
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (bearer) {
      // A request with a bearer token is an integration's, whatever cookies it carries.
      return createContextInner(deps, { ...base, integration: await resolveToken(deps.db, bearer, deps.clock.now()) });
    }
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE] ?? null;
    const resolved = token ? await resolveSession(deps, token, deps.session) : null;
    return createContextInner(deps, {
      ...base,
      user: resolved && !resolved.gate ? resolved.user : null,
      gated: resolved?.gate ? { user: resolved.user, gate: resolved.gate } : null,
      sessionToken: resolved ? token : null,
    });
  };
}

/** The service context of a request: its storage, clock, rules, and who acts for the audit trail. */
export function serviceContext(ctx: Context): ServiceContext {
  const staff = ctx.user ?? ctx.gated?.user;
  const actor: AuditContext['actor'] = staff
    ? { type: 'user', id: String(staff.id) }
    : ctx.integration
      ? { type: 'token', id: String(ctx.integration.id) }
      : { type: 'system', id: null };
  return {
    db: ctx.db,
    clock: ctx.clock,
    rulebooks: ctx.rulebooks,
    bus: ctx.bus,
    audit: { actor, requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent },
  };
}

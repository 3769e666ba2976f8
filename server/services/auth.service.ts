import type { Transaction } from 'kysely';
import type { PayloadOf } from '../../shared/audit/events';
import type { Role } from '../../shared/auth/roles';
import { type MfaAdminsPolicy, type SignInGate, signInGate } from '../../shared/auth/signInGate';
import { DeskError } from '../../shared/errors/deskError';
import { type AuditContext, recordEvent } from '../audit/recordEvent';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords';
import { newSessionToken, sessionIdOf } from '../auth/sessionToken';
import type { Database, Executor } from '../db/database';
import { sessionsRepo } from '../db/repositories/sessions.repo';
import { signInAttemptsRepo } from '../db/repositories/signInAttempts.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { SignInMethod } from '../db/tables/sessions.table';
import type { UserRow } from '../db/tables/users.table';
import type { ServiceContext } from './serviceContext';

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface SessionPolicy {
  absoluteMs: number;
  idleMs: number;
  /** Whether admins must have a second factor before they may act (DESK_MFA_ADMINS). */
  mfaAdmins?: MfaAdminsPolicy;
  /** False when DESK_PASSWORD_SIGNIN=0: only the identity provider signs staff in. */
  passwordSignIn?: boolean;
}

export const toStaffUser = (u: UserRow): StaffUser => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
});

const invalidCredentials = () => new DeskError('UNAUTHORIZED', 'invalid_credentials', 'wrong username or password');
const passwordSignInOff = () =>
  new DeskError('FORBIDDEN', 'password_sign_in_off', 'passwords are turned off here; sign in with the company account');
const accountLocked = (until: string | null) =>
  new DeskError('TOO_MANY_REQUESTS', 'account_locked', 'too many failed sign-ins; try again later', { until });

/**
 * Signs in with a password. Every attempt on a name is reserved before the password is
 * checked (signInAttemptsRepo), on real accounts and unknown names alike: both answer
 * `invalid_credentials` or `account_locked` the same way, after the same argon2 work.
 */
export async function login(
  ctx: ServiceContext,
  input: { username: string; password: string },
  policy: SessionPolicy,
): Promise<{ token: string; user: StaffUser; expiresAt: string; gate: SignInGate | null }> {
  if (policy.passwordSignIn === false) throw passwordSignInOff();
  const now = ctx.clock.now();
  const user = await usersRepo.findByUsername(ctx.db, input.username);
  if (!user) return refuseUnknownName(ctx, input, now);

  const failures = await signInAttemptsRepo.reserveForUser(ctx.db, user.id, now);
  if (failures === null) throw accountLocked(await signInAttemptsRepo.lockedUntilOfUser(ctx.db, user.id));
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk || user.disabled_at) {
    await recordFailure(ctx, { action: 'auth.login_failed', target: { type: 'user', id: user.id } }, now, {
      failures,
      disabled: Boolean(user.disabled_at),
    });
    throw invalidCredentials();
  }
  return openSession(ctx, user, policy, now);
}

async function refuseUnknownName(
  ctx: ServiceContext,
  input: { username: string; password: string },
  now: Date,
): Promise<never> {
  const failures = await signInAttemptsRepo.reserveForUnknown(ctx.db, input.username, now);
  if (failures === null) throw accountLocked(await signInAttemptsRepo.lockedUntilOfUnknown(ctx.db, input.username));
  // The same argon2 work and the same audited write as a real account's failure: timing tells nothing.
  await burnPasswordCheck(input.password);
  await recordFailure(ctx, { action: 'auth.login_failed' }, now, { failures, unknownUser: input.username });
  throw invalidCredentials();
}

async function recordFailure(
  ctx: ServiceContext,
  event: { action: 'auth.login_failed'; target?: { type: 'user'; id: number } },
  now: Date,
  data: PayloadOf<'auth.login_failed'>,
): Promise<void> {
  const actor: AuditContext['actor'] = event.target
    ? { type: 'user', id: String(event.target.id) }
    : { type: 'system', id: null };
  await ctx.db.transaction().execute((trx) => recordEvent(trx, { ...ctx.audit, actor }, { ...event, data }, now));
}

async function openSession(ctx: ServiceContext, user: UserRow, policy: SessionPolicy, now: Date) {
  return ctx.db.transaction().execute(async (trx) => {
    const opened = await insertSession(trx, ctx, user, policy, now, 'password');
    await recordEvent(
      trx,
      { ...ctx.audit, actor: { type: 'user', id: String(user.id) } },
      {
        action: 'auth.login',
        target: { type: 'user', id: user.id },
        data: opened.pendingMfa ? { factor: 'password' } : undefined,
      },
      now,
    );
    const { token, expiresAt, gate } = opened;
    return { token, expiresAt, gate, user: toStaffUser(user) };
  });
}

/**
 * Stores a new session for `user` inside the caller's transaction (which records how it was
 * signed in): the same cookie token, lifetime and idle rule whatever the method.
 */
export async function insertSession(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  user: UserRow,
  policy: SessionPolicy,
  now: Date,
  method: SignInMethod,
): Promise<{ token: string; expiresAt: string; gate: SignInGate | null; pendingMfa: boolean }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs).toISOString();
  const pendingMfa = method === 'password' && Boolean(user.totp_enabled_at);
  await sessionsRepo.insert(trx, {
    id: sessionIdOf(token),
    user_id: user.id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
    ip: ctx.audit.ip ?? null,
    user_agent: ctx.audit.userAgent ?? null,
    pending_mfa: pendingMfa ? 1 : 0,
    sign_in_method: method,
  });
  await signInAttemptsRepo.clearForUser(trx, user.id);
  await usersRepo.update(trx, user.id, { last_login_at: now.toISOString() });
  return { token, expiresAt, pendingMfa, gate: gateOf(user, pendingMfa, policy, method) };
}

/**
 * The step a session still owes. A session the identity provider opened owes none: the
 * provider authenticated the person (with its own factors), and the desk's password, its
 * second factor and a forced change of it guard only the password path.
 */
export function gateOf(
  user: UserRow,
  pendingMfa: boolean,
  policy: SessionPolicy,
  method: SignInMethod = 'password',
): SignInGate | null {
  if (method === 'oidc') return null;
  return signInGate(
    {
      pendingMfa,
      mustChangePassword: Boolean(user.must_change_password),
      role: user.role,
      totpEnabled: Boolean(user.totp_enabled_at),
    },
    policy.mfaAdmins ?? 'required',
  );
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepo.delete(trx, sessionIdOf(token));
    await recordEvent(trx, ctx.audit, { action: 'auth.logout' }, ctx.clock.now());
  });
}

export async function logoutEverywhere(ctx: ServiceContext, userId: number): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await sessionsRepo.deleteForUser(trx, userId);
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'auth.logout_everywhere', target: { type: 'user', id: userId }, data: { ended } },
      ctx.clock.now(),
    );
    return ended;
  });
}

/**
 * last_seen_at is written when more than 1% of the idle window (at most a minute) has passed
 * since it was: a busy reviewer does not cost a write per click, and a session never ends
 * more than that early, however short the configured window.
 */
const touchAfterMs = (idleMs: number) => Math.min(60_000, idleMs / 100);

export interface ResolvedSession {
  user: StaffUser;
  /** What the session must still do before anything else; null when fully signed in. */
  gate: SignInGate | null;
  row: UserRow;
}

/** The user behind a session cookie, or null when it is unknown, expired, idle or disabled. */
export async function resolveSession(
  ctx: { db: Executor; clock: ServiceContext['clock'] },
  token: string,
  policy: SessionPolicy,
): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const found = await sessionsRepo.findWithUser(ctx.db, id);
  if (!found) return null;
  const now = ctx.clock.now();
  const { session, user } = found;
  const idleSince = now.getTime() - new Date(session.last_seen_at).getTime();
  // Turning passwords off (DESK_PASSWORD_SIGNIN=0) also ends the password sessions still open.
  const methodOff = session.sign_in_method === 'password' && policy.passwordSignIn === false;
  if (session.expires_at <= now.toISOString() || idleSince >= policy.idleMs || user.disabled_at || methodOff) {
    await sessionsRepo.delete(ctx.db, id);
    return null;
  }
  if (idleSince > touchAfterMs(policy.idleMs)) await sessionsRepo.touch(ctx.db, id, now.toISOString());
  const gate = gateOf(user, Boolean(session.pending_mfa), policy, session.sign_in_method);
  return { user: toStaffUser(user), gate, row: user };
}

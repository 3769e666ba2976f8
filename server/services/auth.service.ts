import type { Role } from '../../shared/auth/roles';
import { DeskError } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords';
import { newSessionToken, sessionIdOf } from '../auth/sessionToken';
import { sessionsRepo } from '../db/repositories/sessions.repo';
import { usersRepo } from '../db/repositories/users.repo';
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
}

export const toStaffUser = (u: UserRow): StaffUser => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
});

/** Failures before an account locks, and the first lock; each further failure doubles it. */
const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

export function lockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

const invalidCredentials = () => new DeskError('UNAUTHORIZED', 'invalid_credentials', 'wrong username or password');

export async function login(
  ctx: ServiceContext,
  input: { username: string; password: string },
  policy: SessionPolicy,
): Promise<{ token: string; user: StaffUser; expiresAt: string }> {
  const user = await usersRepo.findByUsername(ctx.db, input.username);
  if (!user) {
    await burnPasswordCheck(input.password);
    throw invalidCredentials();
  }
  const now = ctx.clock.now();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new DeskError('TOO_MANY_REQUESTS', 'account_locked', 'too many failed sign-ins; try again later', {
      until: user.locked_until,
    });
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const meta = { ip: ctx.audit.ip ?? null, userAgent: ctx.audit.userAgent ?? null };

  if (!passwordOk || user.disabled_at) {
    await ctx.db.transaction().execute(async (trx) => {
      const failures = user.failed_logins + 1;
      const lockMs = lockDurationMs(failures);
      await usersRepo.update(trx, user.id, {
        failed_logins: failures,
        locked_until: lockMs ? new Date(now.getTime() + lockMs).toISOString() : null,
      });
      await recordEvent(
        trx,
        { ...ctx.audit, actor: { type: 'user', id: String(user.id) } },
        {
          action: 'auth.login_failed',
          target: { type: 'user', id: user.id },
          data: { failures, disabled: Boolean(user.disabled_at) },
        },
        now,
      );
    });
    throw invalidCredentials();
  }

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepo.insert(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent,
    });
    await usersRepo.update(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() });
    await recordEvent(
      trx,
      { ...ctx.audit, actor: { type: 'user', id: String(user.id) } },
      {
        action: 'auth.login',
        target: { type: 'user', id: user.id },
      },
      now,
    );
  });
  return { token, user: toStaffUser(user), expiresAt };
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

/** Only touch last_seen_at once a minute: a busy reviewer should not cost a write per click. */
const TOUCH_INTERVAL_MS = 60_000;

/** The user behind a session cookie, or null when it is unknown, expired, idle or disabled. */
export async function resolveSession(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  token: string,
  policy: SessionPolicy,
): Promise<StaffUser | null> {
  const id = sessionIdOf(token);
  const found = await sessionsRepo.findWithUser(ctx.db, id);
  if (!found) return null;
  const now = ctx.clock.now();
  const { session, user } = found;
  const idleSince = now.getTime() - new Date(session.last_seen_at).getTime();
  if (session.expires_at <= now.toISOString() || idleSince > policy.idleMs || user.disabled_at) {
    await sessionsRepo.delete(ctx.db, id);
    return null;
  }
  if (idleSince > TOUCH_INTERVAL_MS) await sessionsRepo.touch(ctx.db, id, now.toISOString());
  return toStaffUser(user);
}

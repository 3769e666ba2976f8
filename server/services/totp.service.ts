import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { sessionIdOf } from '../auth/sessionToken';
import { newTotpSecret, totpCodeMatches, totpUri } from '../auth/totp';
import { sessionsRepo } from '../db/repositories/sessions.repo';
import { signInAttemptsRepo } from '../db/repositories/signInAttempts.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { UserRow } from '../db/tables/users.table';
import type { ServiceContext } from './serviceContext';

/**
 * A code is a credential like the password: each check reserves an attempt on the account
 * first (the same lock-out), so six digits cannot be walked through in parallel.
 */
async function checkCode(ctx: ServiceContext, user: UserRow, secret: string, code: string, step: string) {
  const now = ctx.clock.now();
  const failures = await signInAttemptsRepo.reserveForUser(ctx.db, user.id, now);
  if (failures === null) {
    throw new DeskError('TOO_MANY_REQUESTS', 'account_locked', 'too many failed attempts; try again later', {
      until: await signInAttemptsRepo.lockedUntilOfUser(ctx.db, user.id),
    });
  }
  if (!totpCodeMatches(secret, code, now)) {
    await ctx.db
      .transaction()
      .execute((trx) =>
        recordEvent(
          trx,
          ctx.audit,
          { action: 'auth.login_failed', target: { type: 'user', id: user.id }, data: { failures, step } },
          now,
        ),
      );
    throw new DeskError('UNAUTHORIZED', 'invalid_totp_code', 'the code is wrong or has expired', { field: 'code' });
  }
}

async function userOf(ctx: ServiceContext, userId: number): Promise<UserRow> {
  const user = await usersRepo.findById(ctx.db, userId);
  if (!user) throw notFound('user', userId);
  return user;
}

/** The second step of signing in: the session's user proves the factor, and the session is complete. */
export async function verifySignInCode(
  ctx: ServiceContext,
  input: { userId: number; sessionToken: string; code: string },
): Promise<{ ok: true }> {
  const user = await userOf(ctx, input.userId);
  if (!user.totp_secret || !user.totp_enabled_at)
    throw new DeskError('CONFLICT', 'totp_not_started', 'no second factor');
  await checkCode(ctx, user, user.totp_secret, input.code, 'totp_code');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepo.completeMfa(trx, sessionIdOf(input.sessionToken));
    await signInAttemptsRepo.clearForUser(trx, user.id);
    await recordEvent(trx, ctx.audit, { action: 'auth.mfa_verified', target: { type: 'user', id: user.id } }, now);
  });
  return { ok: true };
}

/**
 * Enrolment, first half: a new secret is kept (pending) and shown this once. Asking again
 * replaces it, so a secret that was seen over a shoulder can be thrown away before use.
 */
export async function startTotpEnrolment(
  ctx: ServiceContext,
  userId: number,
): Promise<{ secret: string; uri: string }> {
  const user = await userOf(ctx, userId);
  if (user.totp_enabled_at) throw new DeskError('CONFLICT', 'totp_already_enabled', 'two-step verification is on');
  const secret = newTotpSecret();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await usersRepo.update(trx, user.id, { totp_secret: secret });
    // The secret never reaches the audit trail.
    await recordEvent(trx, ctx.audit, { action: 'user.totp_started', target: { type: 'user', id: user.id } }, now);
  });
  return { secret, uri: totpUri(secret, user.username) };
}

/** Enrolment, second half: a right code from the app turns the factor on. */
export async function confirmTotpEnrolment(
  ctx: ServiceContext,
  input: { userId: number; code: string },
): Promise<{ ok: true }> {
  const user = await userOf(ctx, input.userId);
  if (user.totp_enabled_at) throw new DeskError('CONFLICT', 'totp_already_enabled', 'two-step verification is on');
  if (!user.totp_secret) throw new DeskError('CONFLICT', 'totp_not_started', 'create a key first');
  await checkCode(ctx, user, user.totp_secret, input.code, 'totp_enrolment');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await usersRepo.update(trx, user.id, { totp_enabled_at: now.toISOString(), failed_logins: 0, locked_until: null });
    await recordEvent(trx, ctx.audit, { action: 'user.totp_enabled', target: { type: 'user', id: user.id } }, now);
  });
  return { ok: true };
}

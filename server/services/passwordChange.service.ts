import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../auth/passwords';
import { sessionIdOf } from '../auth/sessionToken';
import { signInAttemptsRepo } from '../db/repositories/signInAttempts.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { ServiceContext } from './serviceContext';

/**
 * A staff member chooses their own password: after an admin's reset or an account made by the
 * operator, this is the only thing the session may do (the `password_change` gate). The current
 * password is checked like a sign-in (an attempt reserved first), so a stolen session cannot
 * take the account over; every other session of the user ends.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { userId: number; sessionToken: string; currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  const now = ctx.clock.now();
  const user = await usersRepo.findById(ctx.db, input.userId);
  if (!user) throw notFound('user', input.userId);
  const failures = await signInAttemptsRepo.reserveForUser(ctx.db, user.id, now);
  if (failures === null) {
    throw new DeskError('TOO_MANY_REQUESTS', 'account_locked', 'too many failed attempts; try again later', {
      until: await signInAttemptsRepo.lockedUntilOfUser(ctx.db, user.id),
    });
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await ctx.db.transaction().execute((trx) =>
      recordEvent(
        trx,
        ctx.audit,
        {
          action: 'auth.login_failed',
          target: { type: 'user', id: user.id },
          data: { failures, step: 'password_change' },
        },
        now,
      ),
    );
    throw new DeskError('UNAUTHORIZED', 'invalid_credentials', 'the current password is wrong', {
      field: 'currentPassword',
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new DeskError('BAD_REQUEST', 'password_unchanged', 'choose a password other than the current one', {
      field: 'newPassword',
    });
  }
  await assertPasswordAcceptable(input.newPassword, user.username, user.display_name);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await usersRepo.update(trx, user.id, {
      password_hash: hash,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
    });
    // Whoever knew the old password may hold a session: only this one stays.
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', user.id)
      .where('id', '!=', sessionIdOf(input.sessionToken))
      .execute();
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'user.password_changed',
        target: { type: 'user', id: user.id },
        data: { forced: Boolean(user.must_change_password) },
      },
      now,
    );
  });
  return { ok: true };
}

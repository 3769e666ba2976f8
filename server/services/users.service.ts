import type { Role } from '../../shared/auth/roles';
import { DeskError } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords';
import { usersRepo } from '../db/repositories/users.repo';
import type { ServiceContext } from './serviceContext';

export interface NewStaffUser {
  username: string;
  displayName?: string;
  role: Role;
  password: string;
  /** Set when someone other than the person chose the password (the operator's CLI): they must replace it. */
  mustChangePassword?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export async function createStaffUser(ctx: ServiceContext, input: NewStaffUser): Promise<{ id: number }> {
  if (!USERNAME.test(input.username)) {
    throw new DeskError(
      'BAD_REQUEST',
      'invalid_username',
      'username must be 2-40 lowercase letters, digits, ".", "_" or "-"',
    );
  }
  assertPasswordAcceptable(input.password, input.username, input.displayName);
  // Hash outside the transaction: it is slow and needs no lock.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await usersRepo.findByUsername(trx, input.username)) {
      throw new DeskError('CONFLICT', 'username_taken', `user ${input.username} already exists`);
    }
    const now = ctx.clock.now();
    const id = await usersRepo.insert(trx, {
      username: input.username,
      display_name: input.displayName ?? input.username,
      role: input.role,
      password_hash: passwordHash,
      created_at: now.toISOString(),
      disabled_at: null,
      last_login_at: null,
      locked_until: null,
      must_change_password: input.mustChangePassword ? 1 : 0,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'user.created',
        target: { type: 'user', id },
        data: { username: input.username, role: input.role, displayName: input.displayName ?? input.username },
      },
      now,
    );
    return { id };
  });
}

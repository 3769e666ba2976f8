import type { Transaction } from 'kysely';
import type { Role } from '../../shared/auth/roles';
import { DeskError } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords';
import type { Database } from '../db/database';
import { usersRepo } from '../db/repositories/users.repo';
import type { ServiceContext } from './serviceContext';

export interface NewStaffUser {
  username: string;
  displayName?: string;
  role: Role;
  password: string;
  /** Set when someone other than the person chose the password (the operator's CLI): they must replace it. */
  mustChangePassword?: boolean;
  /** The person's work address, which a sign-in through the identity provider may match (verified there). */
  email?: string;
}

/** Addresses are kept lower-case, as the provider's sign-in compares them. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const normalEmail = (email: string | undefined) => (email ? email.trim().toLowerCase() : null);

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** The checks a new account passes before anything is stored; returns its password hash. */
export async function vetNewStaffUser(input: NewStaffUser): Promise<string> {
  if (!USERNAME.test(input.username)) {
    throw new DeskError(
      'BAD_REQUEST',
      'invalid_username',
      'username must be 2-40 lowercase letters, digits, ".", "_" or "-"',
    );
  }
  const email = normalEmail(input.email);
  if (email !== null && (email.length > 254 || !EMAIL.test(email)))
    throw new DeskError('BAD_REQUEST', 'invalid_email', 'email must be an address such as li.na@corp.example', {
      field: 'email',
    });
  await assertPasswordAcceptable(input.password, input.username, input.displayName);
  // Hash outside any transaction: it is slow and needs no lock.
  return hashPassword(input.password);
}

export async function assertUsernameFree(trx: Transaction<Database>, username: string): Promise<void> {
  if (await usersRepo.findByUsername(trx, username)) {
    throw new DeskError('CONFLICT', 'username_taken', `user ${username} already exists`);
  }
}

async function assertEmailFree(trx: Transaction<Database>, email: string | null): Promise<void> {
  if (email !== null && (await usersRepo.findByEmail(trx, email)))
    throw new DeskError('CONFLICT', 'email_taken', `another account already has ${email}`, { field: 'email' });
}

/** Stores the account and its `user.created` event (directly, or on a second admin's approval). */
export async function insertStaffUser(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  user: {
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    mustChangePassword: boolean;
    /** Lower-case; for the provider's sign-in to match. */
    email?: string | null;
    /** Set when the identity provider's sign-in creates the account (DESK_OIDC_CREATE_USERS). */
    fromProvider?: { email: string | null; oidcSubject: string; roleClaim: string[] };
  },
  now: Date,
): Promise<number> {
  await assertUsernameFree(trx, user.username);
  const email = user.fromProvider?.email ?? user.email ?? null;
  if (!user.fromProvider) await assertEmailFree(trx, email);
  const id = await usersRepo.insert(trx, {
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    password_hash: user.passwordHash,
    created_at: now.toISOString(),
    disabled_at: null,
    last_login_at: null,
    locked_until: null,
    must_change_password: user.mustChangePassword ? 1 : 0,
    email,
    oidc_subject: user.fromProvider?.oidcSubject ?? null,
  });
  const provider = user.fromProvider
    ? { via: 'oidc' as const, email: user.fromProvider.email, roleClaim: user.fromProvider.roleClaim }
    : email
      ? { email }
      : {};
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'user.created',
      target: { type: 'user', id },
      data: { username: user.username, role: user.role, displayName: user.displayName, ...provider },
    },
    now,
  );
  return id;
}

export async function createStaffUser(ctx: ServiceContext, input: NewStaffUser): Promise<{ id: number }> {
  const passwordHash = await vetNewStaffUser(input);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertStaffUser(
      trx,
      ctx,
      {
        username: input.username,
        displayName: input.displayName ?? input.username,
        role: input.role,
        passwordHash,
        mustChangePassword: Boolean(input.mustChangePassword),
        email: normalEmail(input.email),
      },
      ctx.clock.now(),
    );
    return { id };
  });
}

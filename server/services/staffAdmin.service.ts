import type { Transaction } from 'kysely';
import type { Role } from '../../shared/auth/roles';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords';
import type { Database, Executor } from '../db/database';
import { sessionsRepo } from '../db/repositories/sessions.repo';
import { usersRepo } from '../db/repositories/users.repo';
import { actingUserId, type ServiceContext } from './serviceContext';

export interface StaffRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export async function listStaff(db: Executor): Promise<StaffRow[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    disabled: Boolean(u.disabled_at),
    lastLoginAt: u.last_login_at,
    lockedUntil: u.locked_until,
    createdAt: u.created_at,
  }));
}

async function activeAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Nobody changes their own role or switches themselves off: rights come from someone else. */
export function assertNotSelf(ctx: ServiceContext, userId: number) {
  // The operator's CLI acts as the system, which has no account of its own to switch off.
  if (ctx.audit.actor.type === 'user' && actingUserId(ctx) === userId) {
    throw new DeskError('FORBIDDEN', 'own_account', 'you cannot change your own role or access; ask another admin');
  }
}

/** The desk must always keep one active admin, or nobody could manage staff again. */
export async function assertKeepsAnAdmin(db: Executor, target: { role: Role; disabled_at: string | null }) {
  if (target.role === 'admin' && !target.disabled_at && (await activeAdmins(db)) <= 1) {
    throw new DeskError('CONFLICT', 'last_admin', 'this is the last active admin; make another admin first');
  }
}

export async function setStaffRole(ctx: ServiceContext, input: { userId: number; role: Role }) {
  assertNotSelf(ctx, input.userId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await usersRepo.findById(trx, input.userId);
    if (!user) throw notFound('user', input.userId);
    if (user.role === input.role) return;
    if (input.role !== 'admin') await assertKeepsAnAdmin(trx, user);
    await applyRoleChange(trx, ctx, user, input.role, now);
  });
  return { ok: true as const };
}

/** The change itself, once allowed (directly, or by a second admin's approval). */
export async function applyRoleChange(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  user: { id: number; role: Role },
  role: Role,
  now: Date,
): Promise<void> {
  await usersRepo.update(trx, user.id, { role });
  // New rights take effect on the next sign-in, never silently inside an old session.
  await sessionsRepo.deleteForUser(trx, user.id);
  await recordEvent(
    trx,
    ctx.audit,
    { action: 'user.role_changed', target: { type: 'user', id: user.id }, data: { before: user.role, after: role } },
    now,
  );
}

export async function setStaffDisabled(ctx: ServiceContext, input: { userId: number; disabled: boolean }) {
  assertNotSelf(ctx, input.userId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await usersRepo.findById(trx, input.userId);
    if (!user) throw notFound('user', input.userId);
    if (Boolean(user.disabled_at) === input.disabled) return;
    if (input.disabled) await assertKeepsAnAdmin(trx, user);
    await usersRepo.update(trx, user.id, {
      disabled_at: input.disabled ? now.toISOString() : null,
      failed_logins: 0,
      locked_until: null,
    });
    if (input.disabled) await sessionsRepo.deleteForUser(trx, user.id);
    await recordEvent(
      trx,
      ctx.audit,
      { action: input.disabled ? 'user.disabled' : 'user.enabled', target: { type: 'user', id: user.id } },
      now,
    );
  });
  return { ok: true as const };
}

/** Sets a new password (the admin passes it on out of band) and ends the user's sessions. */
export async function resetStaffPassword(ctx: ServiceContext, input: { userId: number; password: string }) {
  const now = ctx.clock.now();
  const user = await usersRepo.findById(ctx.db, input.userId);
  if (!user) throw notFound('user', input.userId);
  await assertPasswordAcceptable(input.password, user.username, user.display_name);
  const hash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    // The admin knows this password: the user replaces it at their next sign-in.
    await usersRepo.update(trx, user.id, {
      password_hash: hash,
      failed_logins: 0,
      locked_until: null,
      must_change_password: 1,
    });
    await sessionsRepo.deleteForUser(trx, user.id);
    // The password itself never reaches the audit trail.
    await recordEvent(trx, ctx.audit, { action: 'user.password_reset', target: { type: 'user', id: user.id } }, now);
  });
  return { ok: true as const };
}

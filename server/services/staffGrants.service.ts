import type { PayloadOf } from '../../shared/audit/events';
import { needsSecondAdmin } from '../../shared/auth/dualControl';
import type { Role } from '../../shared/auth/roles';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { staffGrantsRepo } from '../db/repositories/staffGrants.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { StaffGrantRow } from '../db/tables/staffGrants.table';
import { actingUserId, type ServiceContext } from './serviceContext';
import { applyRoleChange, assertKeepsAnAdmin, assertNotSelf, setStaffRole } from './staffAdmin.service';
import {
  assertUsernameFree,
  createStaffUser,
  insertStaffUser,
  type NewStaffUser,
  vetNewStaffUser,
} from './users.service';

/**
 * Dual control of staff administration (shared/auth/dualControl.ts): an admin who creates a
 * senior reviewer, lead or admin, or gives someone such a role, only files a request; another
 * admin approves or rejects it. Other roles take effect at once. The operator's CLI, run on
 * the host, is trusted and creates directly.
 */

const grantPending = () =>
  new DeskError('CONFLICT', 'grant_pending', 'this account already has a grant waiting for approval');

export async function requestNewStaff(
  ctx: ServiceContext,
  input: NewStaffUser,
): Promise<{ id: number | null; grantId: number | null }> {
  if (!needsSecondAdmin(input.role)) return { ...(await createStaffUser(ctx, input)), grantId: null };
  const passwordHash = await vetNewStaffUser(input);
  const displayName = input.displayName ?? input.username;
  return ctx.db.transaction().execute(async (trx) => {
    await assertUsernameFree(trx, input.username);
    if (await staffGrantsRepo.findPendingFor(trx, { username: input.username })) throw grantPending();
    const grantId = await fileGrant(
      trx,
      ctx,
      {
        kind: 'create',
        user_id: null,
        username: input.username,
        display_name: displayName,
        role: input.role,
        password_hash: passwordHash,
      },
      { kind: 'create', username: input.username, displayName, role: input.role },
    );
    return { id: null, grantId };
  });
}

export async function requestRoleChange(
  ctx: ServiceContext,
  input: { userId: number; role: Role },
): Promise<{ ok: true; pending: boolean }> {
  if (!needsSecondAdmin(input.role)) return { ...(await setStaffRole(ctx, input)), pending: false };
  assertNotSelf(ctx, input.userId);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await usersRepo.findById(trx, input.userId);
    if (!user) throw notFound('user', input.userId);
    if (user.role === input.role) return { ok: true as const, pending: false };
    if (await staffGrantsRepo.findPendingFor(trx, { userId: user.id, username: user.username })) throw grantPending();
    await fileGrant(
      trx,
      ctx,
      {
        kind: 'role',
        user_id: user.id,
        username: user.username,
        display_name: user.display_name,
        role: input.role,
        password_hash: null,
      },
      { kind: 'role', userId: user.id, before: user.role, after: input.role },
    );
    return { ok: true as const, pending: true };
  });
}

/** Files a grant as pending, requested by the acting admin now, and records the request. */
async function fileGrant(
  trx: Trx,
  ctx: ServiceContext,
  grant: Pick<StaffGrantRow, 'kind' | 'user_id' | 'username' | 'display_name' | 'role' | 'password_hash'>,
  requested: PayloadOf<'user.grant_requested'>,
): Promise<number> {
  const now = ctx.clock.now();
  const grantId = await staffGrantsRepo.insert(trx, {
    ...grant,
    status: 'pending',
    requested_by: actingUserId(ctx),
    requested_at: now.toISOString(),
    decided_by: null,
    decided_at: null,
  });
  await recordEvent(
    trx,
    ctx.audit,
    { action: 'user.grant_requested', target: { type: 'staff_grant', id: grantId }, data: requested },
    now,
  );
  return grantId;
}

export interface PendingGrant {
  id: number;
  kind: 'create' | 'role';
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  requestedBy: number;
  requestedAt: string;
}

export async function listPendingGrants(ctx: Pick<ServiceContext, 'db'>): Promise<PendingGrant[]> {
  const rows = await staffGrantsRepo.listPending(ctx.db);
  return rows.map((g) => ({
    id: g.id,
    kind: g.kind,
    userId: g.user_id,
    username: g.username,
    displayName: g.display_name,
    role: g.role,
    requestedBy: g.requested_by,
    requestedAt: g.requested_at,
  }));
}

function assertDecidable(ctx: ServiceContext, grant: StaffGrantRow | undefined, id: number): StaffGrantRow {
  if (!grant) throw notFound('grant', id);
  if (grant.status !== 'pending')
    throw new DeskError('CONFLICT', 'grant_not_pending', 'this grant was decided already');
  if (grant.requested_by === actingUserId(ctx)) {
    throw new DeskError('FORBIDDEN', 'own_grant', 'another admin must decide a grant you requested');
  }
  if (grant.user_id !== null && grant.user_id === actingUserId(ctx)) {
    throw new DeskError('FORBIDDEN', 'own_account', 'you cannot decide a grant of your own role; ask another admin');
  }
  return grant;
}

/** A second admin approves (the account or role takes effect) or rejects a pending grant. */
export async function decideGrant(
  ctx: ServiceContext,
  input: { grantId: number; approve: boolean },
): Promise<{ ok: true; userId: number | null }> {
  return ctx.db.transaction().execute(async (trx) => {
    const grant = assertDecidable(ctx, await staffGrantsRepo.findById(trx, input.grantId), input.grantId);
    const now = ctx.clock.now();
    const decision = { decided_by: actingUserId(ctx), decided_at: now.toISOString() };
    if (!input.approve) {
      if (!(await staffGrantsRepo.decide(trx, grant.id, { ...decision, status: 'rejected' }))) throw notPending();
      await recordGrantDecision(trx, ctx, grant, 'user.grant_rejected', now);
      return { ok: true as const, userId: grant.user_id };
    }
    const userId =
      grant.kind === 'create' ? await approveCreation(trx, ctx, grant, now) : await approveRole(trx, ctx, grant, now);
    if (!(await staffGrantsRepo.decide(trx, grant.id, { ...decision, status: 'approved', user_id: userId }))) {
      throw notPending();
    }
    await recordGrantDecision(trx, ctx, grant, 'user.grant_approved', now, userId);
    return { ok: true as const, userId };
  });
}

const notPending = () => new DeskError('CONFLICT', 'grant_not_pending', 'this grant was decided already');

type Trx = Parameters<typeof insertStaffUser>[0];

async function approveCreation(trx: Trx, ctx: ServiceContext, grant: StaffGrantRow, now: Date): Promise<number> {
  if (!grant.password_hash) throw notPending();
  // The requesting admin chose this password: the new member replaces it at first sign-in.
  return insertStaffUser(
    trx,
    ctx,
    {
      username: grant.username,
      displayName: grant.display_name,
      role: grant.role,
      passwordHash: grant.password_hash,
      mustChangePassword: true,
    },
    now,
  );
}

async function approveRole(trx: Trx, ctx: ServiceContext, grant: StaffGrantRow, now: Date): Promise<number> {
  const user = grant.user_id === null ? undefined : await usersRepo.findById(trx, grant.user_id);
  if (!user) throw notFound('user', grant.user_id ?? 0);
  if (user.role !== grant.role) {
    if (grant.role !== 'admin') await assertKeepsAnAdmin(trx, user);
    await applyRoleChange(trx, ctx, user, grant.role, now);
  }
  return user.id;
}

async function recordGrantDecision(
  trx: Trx,
  ctx: ServiceContext,
  grant: StaffGrantRow,
  action: 'user.grant_approved' | 'user.grant_rejected',
  now: Date,
  userId: number | null = grant.user_id,
): Promise<void> {
  await recordEvent(
    trx,
    ctx.audit,
    {
      action,
      target: { type: 'staff_grant', id: grant.id },
      data: { kind: grant.kind, username: grant.username, role: grant.role, userId, requestedBy: grant.requested_by },
    },
    now,
  );
}

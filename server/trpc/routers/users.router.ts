import { z } from 'zod';
import { ROLES } from '../../../shared/auth/roles';
import { listStaff, resetStaffPassword, setStaffDisabled } from '../../services/staffAdmin.service';
import { decideGrant, listPendingGrants, requestNewStaff, requestRoleChange } from '../../services/staffGrants.service';
import { serviceContext } from '../context';
import { authedProcedure, permittedProcedure, router } from '../trpc';

const userId = z.number().int().positive();
const password = z.string().min(1).max(256);
const staffRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const usersRouter = router({
  /** Active staff, for pickers (assign to, queue members). */
  directory: authedProcedure
    .output(z.array(z.object({ id: z.number(), displayName: z.string(), role: z.string() })))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .selectFrom('users')
        .select(['id', 'display_name', 'role'])
        .where('disabled_at', 'is', null)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
    }),

  list: permittedProcedure('users.manage')
    .output(z.array(staffRow))
    .query(({ ctx }) => listStaff(ctx.db)),

  create: permittedProcedure('users.manage')
    .input(
      z.object({
        username: z.string().min(2).max(40),
        displayName: z.string().trim().min(1).max(60),
        role: z.enum(ROLES),
        password,
      }),
    )
    // A privileged role (dual control) gives no account yet: a grant for another admin to approve.
    .output(z.object({ id: z.number().nullable(), grantId: z.number().nullable() }))
    .mutation(({ ctx, input }) => requestNewStaff(serviceContext(ctx), input)),

  setRole: permittedProcedure('users.manage')
    .input(z.object({ userId, role: z.enum(ROLES) }))
    .output(z.object({ ok: z.literal(true), pending: z.boolean() }))
    .mutation(({ ctx, input }) => requestRoleChange(serviceContext(ctx), input)),

  /** Privileged grants waiting for a second admin. */
  grants: permittedProcedure('users.manage')
    .output(
      z.array(
        z.object({
          id: z.number(),
          kind: z.enum(['create', 'role']),
          userId: z.number().nullable(),
          username: z.string(),
          displayName: z.string(),
          role: z.enum(ROLES),
          requestedBy: z.number(),
          requestedAt: z.string(),
        }),
      ),
    )
    .query(({ ctx }) => listPendingGrants(ctx)),

  /** Approves or rejects another admin's grant (never one's own). */
  decideGrant: permittedProcedure('users.manage')
    .input(z.object({ grantId: z.number().int().positive(), approve: z.boolean() }))
    .output(z.object({ ok: z.literal(true), userId: z.number().nullable() }))
    .mutation(({ ctx, input }) => decideGrant(serviceContext(ctx), input)),

  setDisabled: permittedProcedure('users.manage')
    .input(z.object({ userId, disabled: z.boolean() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => setStaffDisabled(serviceContext(ctx), input)),

  resetPassword: permittedProcedure('users.manage')
    .input(z.object({ userId, password }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => resetStaffPassword(serviceContext(ctx), input)),
});

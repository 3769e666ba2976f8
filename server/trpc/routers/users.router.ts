import { z } from 'zod';
import { ROLES } from '../../../shared/auth/roles';
import { listStaff, resetStaffPassword, setStaffDisabled, setStaffRole } from '../../services/staffAdmin.service';
import { createStaffUser } from '../../services/users.service';
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
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createStaffUser(serviceContext(ctx), input)),

  setRole: permittedProcedure('users.manage')
    .input(z.object({ userId, role: z.enum(ROLES) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => setStaffRole(serviceContext(ctx), input)),

  setDisabled: permittedProcedure('users.manage')
    .input(z.object({ userId, disabled: z.boolean() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => setStaffDisabled(serviceContext(ctx), input)),

  resetPassword: permittedProcedure('users.manage')
    .input(z.object({ userId, password }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => resetStaffPassword(serviceContext(ctx), input)),
});

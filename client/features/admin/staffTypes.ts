import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/trpc/appRouter';

/** One row of the staff list, as `users.list` returns it. */
export type StaffMember = inferRouterOutputs<AppRouter>['users']['list'][number];

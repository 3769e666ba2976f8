import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/trpc/appRouter';

/** One audit event as the client receives it from `audit.list`. */
export type AuditRow = inferRouterOutputs<AppRouter>['audit']['list']['items'][number];

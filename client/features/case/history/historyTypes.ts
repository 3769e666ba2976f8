import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/trpc/appRouter';

/** `cases.history` as the client receives it (JSON: optional unknowns, plain records). */
export type CaseHistoryView = inferRouterOutputs<AppRouter>['cases']['history'];

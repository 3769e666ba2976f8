import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/trpc/appRouter';
import { MAX_BATCH_CALLS } from '../../shared/api/transport';
import { type DeskErrorReason, isDeskErrorReason } from '../../shared/errors/reasons';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A 4xx will not get better by asking again.
        retry: (count, error) =>
          !(error instanceof TRPCClientError && (error.data?.httpStatus ?? 500) < 500) && count < 2,
      },
    },
  });
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Live updates arrive over server-sent events; everything else is batched HTTP.
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc' }),
        false: httpBatchLink({
          url: '/trpc',
          // The server refuses bigger batches (server/app.ts).
          maxItems: MAX_BATCH_CALLS,
          // Cookie-authenticated writes must carry the desk's CSRF header (server/http/csrf.ts).
          headers: { 'x-verdict-csrf': '1' },
          fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }),
        }),
      }),
    ],
  });
}

/** The stable reason of a server error (for a translated message), if it has one the desk knows. */
export function errorReason(error: unknown): DeskErrorReason | undefined {
  const reason: unknown = error instanceof TRPCClientError ? error.data?.reason : undefined;
  return isDeskErrorReason(reason) ? reason : undefined;
}

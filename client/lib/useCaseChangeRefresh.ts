import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef } from 'react';
import { useTRPC } from './trpc';

type Refresh = (queryClient: ReturnType<typeof useQueryClient>, trpc: ReturnType<typeof useTRPC>) => unknown;

/**
 * Listens to the server's case change stream (SSE) and runs `refresh` after each change;
 * bursts (a bulk import, a bulk decision) fold into one refresh per 250 ms.
 */
export function useCaseChangeRefresh(refresh: Refresh) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest callback, so a re-render with a new closure never resubscribes.
  const latest = useRef(refresh);
  latest.current = refresh;
  useSubscription(
    trpc.cases.changes.subscriptionOptions(undefined, {
      onData: () => {
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          void latest.current(queryClient, trpc);
        }, 250);
      },
    }),
  );
}

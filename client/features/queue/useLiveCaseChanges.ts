import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef } from 'react';
import { useTRPC } from '../../lib/trpc';

/**
 * Keeps every case list and open case page current: each claim, release, reassignment,
 * intake or decision pushed by the server (SSE) refetches what shows that case.
 * Bursts (a bulk import) are folded into one refetch per 250 ms.
 */
export function useLiveCaseChanges() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSubscription(
    trpc.cases.changes.subscriptionOptions(undefined, {
      onData: () => {
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
        }, 250);
      },
    }),
  );
}

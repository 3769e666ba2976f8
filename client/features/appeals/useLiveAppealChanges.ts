import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef } from 'react';
import { useTRPC } from '../../lib/trpc';

/**
 * Keeps appeal lists, appeal pages and the standings on them current. Appeals travel on the
 * case change stream (`appealed`, `appeal_decided`), so any change refetches appeals, cases
 * and standings; bursts are folded into one refetch per 250 ms.
 */
export function useLiveAppealChanges() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSubscription(
    trpc.cases.changes.subscriptionOptions(undefined, {
      onData: () => {
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          void refreshAfterAppealChange(queryClient, trpc);
        }, 250);
      },
    }),
  );
}

/** Everything an appeal's outcome can change: the appeal, its case, and the subject's standing. */
export function refreshAfterAppealChange(
  queryClient: ReturnType<typeof useQueryClient>,
  trpc: ReturnType<typeof useTRPC>,
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.appeals.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
  ]);
}

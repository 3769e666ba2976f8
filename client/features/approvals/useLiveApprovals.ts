import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef } from 'react';
import { useTRPC } from '../../lib/trpc';

/**
 * Keeps the approvals list current: a decision submitted, approved or sent back anywhere is a
 * case change on the server's stream; bursts fold into one refetch per 250 ms.
 */
export function useLiveApprovals() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSubscription(
    trpc.cases.changes.subscriptionOptions(undefined, {
      onData: () => {
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.approvals.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
        }, 250);
      },
    }),
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** After a change: refetch the queues (also used by the case queue's filter) and the routing rules. */
export function useRefreshQueues(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.queues.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queues.routingRules.queryKey() }),
    ]);
  };
}

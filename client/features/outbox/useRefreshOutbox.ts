import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** After a change: refetch endpoints, deliveries and their counts. */
export function useRefreshOutbox(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.outbox.endpoints.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.outbox.deliveries.pathKey() }),
    ]);
  };
}

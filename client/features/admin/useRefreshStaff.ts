import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** After a change: refetch the staff list, pending grants and the directory the assign/member pickers use. */
export function useRefreshStaff(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.users.directory.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.users.grants.queryKey() }),
    ]);
  };
}

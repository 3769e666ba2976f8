import type { useQueryClient } from '@tanstack/react-query';
import type { useTRPC } from '../../lib/trpc';
import { useCaseChangeRefresh } from '../../lib/useCaseChangeRefresh';

/**
 * Keeps appeal lists, appeal pages and the standings on them current. Appeals travel on the
 * case change stream (`appealed`, `appeal_decided`), so any change refetches appeals, cases
 * and standings.
 */
export function useLiveAppealChanges() {
  useCaseChangeRefresh(refreshAfterAppealChange);
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

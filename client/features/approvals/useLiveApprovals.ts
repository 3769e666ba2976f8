import { useCaseChangeRefresh } from '../../lib/useCaseChangeRefresh';

/** Keeps the approvals list current: a decision submitted, approved or sent back anywhere is a case change. */
export function useLiveApprovals() {
  useCaseChangeRefresh((queryClient, trpc) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.approvals.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
    ]),
  );
}

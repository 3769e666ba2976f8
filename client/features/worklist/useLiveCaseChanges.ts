import { useCaseChangeRefresh } from '../../lib/useCaseChangeRefresh';

/**
 * Keeps every case list and open case page current: each claim, release, reassignment,
 * intake or decision pushed by the server refetches what shows that case.
 */
export function useLiveCaseChanges() {
  useCaseChangeRefresh((queryClient, trpc) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
      // A note added or edited on a case comes as a change of that case.
      queryClient.invalidateQueries({ queryKey: trpc.notes.pathKey() }),
    ]),
  );
}

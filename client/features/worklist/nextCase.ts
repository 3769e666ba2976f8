import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc';

/** Router state telling the queue page that "next" found nothing waiting. */
export interface NothingWaitingState {
  nothingWaiting: true;
}

export function foundNothingWaiting(state: unknown): boolean {
  return Boolean(state && typeof state === 'object' && (state as Partial<NothingWaitingState>).nothingWaiting);
}

/**
 * "Next case" from a case page: the server claims the most urgent case of my queues, which
 * opens, without loading the queue page on the way; with nothing waiting I land on the queue,
 * which says so. `from` gives the case I am on back to its queue if it is still undecided and
 * mine (`keep`: holds on to it, within the queue's hold limit). A refusal (the hold limit)
 * leaves me where I am.
 */
export function useClaimNextCase() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const next = useMutation(
    trpc.queue.next.mutationOptions({
      onSuccess: (claimed) => {
        if (claimed) navigate(`/cases/${claimed.caseId}`);
        else navigate('/queue', { state: { nothingWaiting: true } satisfies NothingWaitingState });
      },
    }),
  );
  return {
    claimNext: (from?: { caseId: number; keep: boolean }) => {
      if (!next.isPending) next.mutate(from ? { from } : {});
    },
    pending: next.isPending,
    error: next.error,
    reset: next.reset,
  };
}

/** "Next case" from a case page I may still hold (n, or skip and keep). */
export function useMoveOnFromCase(caseId: number) {
  const { claimNext, ...state } = useClaimNextCase();
  return { moveOn: (keep: boolean) => claimNext({ caseId, keep }), ...state };
}

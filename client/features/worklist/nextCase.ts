import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc';

/** Router state asking the queue page to claim the next case as soon as it opens. */
export interface ClaimNextState {
  claimNext: true;
}

/** Router state telling the queue page that "next" found nothing waiting. */
export interface NothingWaitingState {
  nothingWaiting: true;
}

export function wantsClaimNext(state: unknown): boolean {
  return Boolean(state && typeof state === 'object' && (state as Partial<ClaimNextState>).claimNext);
}

export function foundNothingWaiting(state: unknown): boolean {
  return Boolean(state && typeof state === 'object' && (state as Partial<NothingWaitingState>).nothingWaiting);
}

/**
 * "Next case" from anywhere: back to the queue, which claims the most urgent case of my queues
 * and opens it (or says that none is waiting, leaving me on the queue).
 */
export function useGoToNextCase(): () => void {
  const navigate = useNavigate();
  return () => navigate('/queue', { state: { claimNext: true } satisfies ClaimNextState });
}

/**
 * "Next case" from a case page: the server gives this case back to its queue if it is still
 * undecided and mine (`keep`: holds on to it, within the queue's hold limit) and claims the
 * next one, which opens. A refusal (the hold limit) leaves me on this case, which stays mine.
 */
export function useMoveOnFromCase(caseId: number) {
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
    moveOn: (keep: boolean) => {
      if (!next.isPending) next.mutate({ from: { caseId, keep } });
    },
    pending: next.isPending,
    error: next.error,
    reset: next.reset,
  };
}

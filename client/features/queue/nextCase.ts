import { useNavigate } from 'react-router';

/** Router state asking the queue page to claim the next case as soon as it opens. */
export interface ClaimNextState {
  claimNext: true;
}

export function wantsClaimNext(state: unknown): boolean {
  return Boolean(state && typeof state === 'object' && (state as Partial<ClaimNextState>).claimNext);
}

/**
 * "Next case" from anywhere: back to the queue, which claims the most urgent case of my queues
 * and opens it (or says that none is waiting, leaving me on the queue).
 */
export function useGoToNextCase(): () => void {
  const navigate = useNavigate();
  return () => navigate('/queue', { state: { claimNext: true } satisfies ClaimNextState });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { PRESENCE_CHANGED, PRESENCE_HEARTBEAT_MS } from '../../../../shared/api/presence';
import { useTRPC } from '../../../lib/trpc';
import { useCaseChangeRefresh } from '../../../lib/useCaseChangeRefresh';

/**
 * Says "I have this case open" while the page is mounted (a heartbeat, and at once when the
 * drafting flag flips), says goodbye on unmount, and returns who else is there. Others'
 * arrivals, departures and drafting come in on the live-update stream.
 */
export function usePresence(caseId: number, editing: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewersKey = trpc.presence.viewers.queryKey({ caseId });
  const viewers = useQuery({ ...trpc.presence.viewers.queryOptions({ caseId }), staleTime: PRESENCE_HEARTBEAT_MS });
  const { mutate: beat } = useMutation(
    trpc.presence.heartbeat.mutationOptions({ onSuccess: (out) => queryClient.setQueryData(viewersKey, out) }),
  );
  const { mutate: leave } = useMutation(trpc.presence.leave.mutationOptions());

  useEffect(() => {
    beat({ caseId, editing });
    const timer = setInterval(() => beat({ caseId, editing }), PRESENCE_HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [beat, caseId, editing]);
  useEffect(() => {
    // A reload or a closed tab unmounts nothing: say goodbye as the page goes, with a request
    // that outlives it (a beacon cannot carry the desk's CSRF header; a keepalive fetch can).
    const onPageHide = () => leaveAsPageGoes(caseId);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      leave({ caseId });
    };
  }, [leave, caseId]);

  useCaseChangeRefresh(
    (qc) => qc.invalidateQueries({ queryKey: viewersKey }),
    (change) => change.action === PRESENCE_CHANGED && change.caseId === caseId,
  );
  return viewers.data?.viewers ?? [];
}

function leaveAsPageGoes(caseId: number) {
  void fetch('/trpc/presence.leave', {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-verdict-csrf': '1' },
    body: JSON.stringify({ caseId }),
  }).catch(() => {});
}

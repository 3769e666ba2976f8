import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef } from 'react';
import { PRESENCE_CHANGED } from '../../shared/api/presence';
import { useTRPC } from './trpc';

type Refresh = (queryClient: ReturnType<typeof useQueryClient>, trpc: ReturnType<typeof useTRPC>) => unknown;
/** The fields of a pushed change a listener may choose by. */
export interface PushedChange {
  caseId: number;
  action: string;
}

/** By default, every change to a case except who is looking at it. */
const caseContentChanged = (change: PushedChange) => change.action !== PRESENCE_CHANGED;

/**
 * Listens to the server's case change stream (SSE) and runs `refresh` after each change;
 * bursts (a bulk import, a bulk decision) fold into one refresh per 250 ms. `accept` picks the
 * changes that matter to the caller (by default all but presence, which only the presence bar shows).
 */
export function useCaseChangeRefresh(refresh: Refresh, accept: (change: PushedChange) => boolean = caseContentChanged) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest callback, so a re-render with a new closure never resubscribes.
  const latest = useRef(refresh);
  latest.current = refresh;
  const latestAccept = useRef(accept);
  latestAccept.current = accept;
  useSubscription(
    trpc.cases.changes.subscriptionOptions(undefined, {
      onData: (change) => {
        if (!latestAccept.current(change) || pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          void latest.current(queryClient, trpc);
        }, 250);
      },
    }),
  );
}

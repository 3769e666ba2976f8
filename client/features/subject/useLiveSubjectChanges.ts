import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef } from 'react';
import { useTRPC } from '../../lib/trpc';

/**
 * Refreshes the subject page when one of its cases changes (a decision, an appeal, a claim) or
 * a new case arrives that may be about it, across instances like every live view (the case
 * change stream). Bursts fold into one refresh per 250 ms.
 */
export function useLiveSubjectChanges(caseIds: ReadonlySet<number>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const known = useRef(caseIds);
  known.current = caseIds;
  useSubscription(
    trpc.cases.changes.subscriptionOptions(undefined, {
      onData: (change) => {
        if (pending.current || !(change.action === 'created' || known.current.has(change.caseId))) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.subjects.get.pathKey() });
        }, 250);
      },
    }),
  );
}

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
  const stale = useRef(new Set<'notes' | 'subject'>());
  const known = useRef(caseIds);
  known.current = caseIds;
  useSubscription(
    trpc.cases.changes.subscriptionOptions(undefined, {
      onData: (change) => {
        // A note (on this subject or any other) refreshes the note thread only.
        const note = change.action.startsWith('note.');
        if (!(note || change.action === 'created' || known.current.has(change.caseId))) return;
        stale.current.add(note ? 'notes' : 'subject');
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          const kinds = stale.current;
          stale.current = new Set();
          if (kinds.has('notes')) void queryClient.invalidateQueries({ queryKey: trpc.notes.pathKey() });
          if (kinds.has('subject')) void queryClient.invalidateQueries({ queryKey: trpc.subjects.get.pathKey() });
        }, 250);
      },
    }),
  );
}

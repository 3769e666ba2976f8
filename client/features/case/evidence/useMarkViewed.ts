import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../../lib/trpc';
import type { EvidenceItem } from './evidenceFormat';

/**
 * Records that the reviewer opened a piece of evidence. Files are audited by the server when
 * fetched; evidence shown from the case data itself (tables, chats, text) is reported here,
 * once per item while the page is open.
 */
export function useMarkViewed(item: EvidenceItem | undefined) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.evidence.markViewed.mutationOptions());
  const reported = useRef(new Set<number>());
  useEffect(() => {
    if (!item || item.contentUrl || reported.current.has(item.id)) return;
    reported.current.add(item.id);
    mutate({ evidenceId: item.id });
  }, [item, mutate]);
}

import { useQuery } from '@tanstack/react-query';
import type { SearchHit } from '../../../shared/api/search';
import { useTRPC } from '../../lib/trpc';
import { subjectPath } from '../subject/SubjectLink';

/** Where a hit opens: the case the row belongs to, else its subject's page (a subject, a note on one). */
export function hitLink(hit: SearchHit): string | null {
  if (hit.type !== 'subject' && hit.caseId !== null) return `/cases/${hit.caseId}`;
  const subjectId = hit.type === 'subject' ? hit.id : hit.subjectId;
  return subjectId === null ? null : subjectPath(subjectId);
}

/** Free-text hits for what is typed in the palette (already debounced), while it is open. */
export function useSearchHits(query: string, open: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.search.query.queryOptions({ q: query, limit: 12 }),
    enabled: open && query.length > 0,
    retry: false,
    // Hits are read fresh on each new query; going back to a query within a minute reuses them.
    staleTime: 60_000,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { SearchHit } from '../../../shared/api/search';
import { useTRPC } from '../../lib/trpc';
import { subjectPath } from '../subject/SubjectLink';

/** Where a hit opens: its subject's page, or the case the row belongs to. */
export function hitLink(hit: SearchHit): string | null {
  if (hit.type === 'subject') return subjectPath(hit.id);
  return hit.caseId === null ? null : `/cases/${hit.caseId}`;
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

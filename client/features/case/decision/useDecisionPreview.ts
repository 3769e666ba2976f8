import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PreviewOutput } from '../../../../shared/api/decisions';
import { useTRPC } from '../../../lib/trpc';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';

export interface PreviewRequest {
  caseId: number;
  facts: Record<string, unknown>;
  violationAt?: string;
  decision: PreviewOutput['kind'];
}

/**
 * The engine's live preview of the facts being typed: asked 300 ms after the last change, and
 * only while the form is valid, so the server is not asked about every keystroke. The
 * previous answer stays on screen while the next one loads.
 */
export function useDecisionPreview(request: PreviewRequest, enabled: boolean, delayMs = 300) {
  const trpc = useTRPC();
  // Debounce the request's text (a new object every render would never settle), together with
  // whether it may be asked: otherwise the form turning valid would send the stale facts.
  const current = JSON.stringify({ request, enabled });
  const settled = useDebouncedValue(current, delayMs);
  const asked = JSON.parse(settled) as { request: PreviewRequest; enabled: boolean };
  const query = useQuery({
    ...trpc.cases.preview.queryOptions(asked.request),
    enabled: asked.enabled,
    placeholderData: keepPreviousData,
  });
  return { ...query, settling: settled !== current };
}

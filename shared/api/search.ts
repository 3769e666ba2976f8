import { z } from 'zod';

/** What a search hit is: the row whose text matched. */
export const SEARCH_DOCUMENT_TYPES = ['case', 'report', 'evidence', 'subject', 'decision', 'note'] as const;
export type SearchDocumentType = (typeof SEARCH_DOCUMENT_TYPES)[number];

/** Most hits one query returns (and the default). */
export const SEARCH_LIMIT_MAX = 50;
export const SEARCH_LIMIT_DEFAULT = 20;

// Length and well-formedness are checked by the use case, so that a refusal names its reason
// (shared/search/searchText.ts); the bound here only keeps absurd input off the server.
export const searchQueryInput = z.object({
  q: z.string().max(1000),
  limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).optional(),
});

const range = z.object({ start: z.number().int(), end: z.number().int() });

export const searchHit = z.object({
  type: z.enum(SEARCH_DOCUMENT_TYPES),
  /** The row's id (a case, report, evidence, decision or note number; a subject's marketplace id). */
  id: z.string(),
  /** The row's own short text: a summary, an evidence title, a subject's name, a reason. */
  title: z.string(),
  /** Plain text around the first match; render `highlights` as marks, never as markup. */
  snippet: z.string(),
  /** Where the query's terms are in `snippet`: UTF-16 offsets, end exclusive, in order. */
  highlights: z.array(range),
  /** The case to open for this hit (null for a subject). */
  caseId: z.number().nullable(),
  /** The subject the hit is about, when known. */
  subjectId: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchQueryOutput = z.object({ items: z.array(searchHit) });
export type SearchQueryOutput = z.infer<typeof searchQueryOutput>;

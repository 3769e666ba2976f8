import type { z } from 'zod';
import { SEARCH_LIMIT_DEFAULT, type SearchQueryOutput, type searchQueryInput } from '../../shared/api/search';
import { DeskError } from '../../shared/errors/deskError';
import { highlightSnippet, parseSearchQuery, type SearchQueryProblem } from '../../shared/search/searchText';
import type { Executor } from '../db/database';
import { searchRepo } from '../db/repositories/search.repo';

const FIELD = { field: 'q' };

/** Why a query is refused, as the reviewer reads it (each reason is translated in both locales). */
function refusal(problem: SearchQueryProblem): DeskError {
  switch (problem) {
    case 'empty':
      return new DeskError('BAD_REQUEST', 'search_query_empty', 'type something to search for', FIELD);
    case 'too_long':
      return new DeskError('BAD_REQUEST', 'search_query_too_long', 'the query is too long', FIELD);
    case 'malformed':
      return new DeskError(
        'BAD_REQUEST',
        'malformed_text',
        'the query has control characters or a lone surrogate',
        FIELD,
      );
    case 'nothing_to_search':
      return new DeskError('BAD_REQUEST', 'search_query_no_terms', 'the query has no letters or digits', FIELD);
    case 'too_many_terms':
      return new DeskError('BAD_REQUEST', 'search_query_too_many_terms', 'the query has too many words', FIELD);
  }
}

/**
 * Free-text search over cases, reports, evidence, subjects, decisions and notes. Every member
 * of staff who may read cases may read all of them (cases.list is not limited to one's queues
 * either), so the procedure's `cases.read` permission is the whole access rule; integrations
 * (tokens) cannot search. A query is read literally (shared/search/searchText.ts).
 */
export async function searchDocuments(
  ctx: { db: Executor },
  input: z.output<typeof searchQueryInput>,
): Promise<SearchQueryOutput> {
  const parsed = parseSearchQuery(input.q);
  if (!parsed.ok) throw refusal(parsed.problem);
  const rows = await searchRepo.find(ctx.db, parsed.terms, input.limit ?? SEARCH_LIMIT_DEFAULT);
  return {
    items: rows.map((row) => {
      const { text, highlights } = highlightSnippet(row.body, parsed.terms);
      return {
        type: row.doc_type,
        id: row.doc_id,
        title: row.title,
        snippet: text,
        highlights,
        caseId: row.case_id === null ? null : Number(row.case_id),
        subjectId: row.subject_id,
      };
    }),
  };
}

import { searchQueryInput, searchQueryOutput } from '../../../shared/api/search';
import { searchDocuments } from '../../services/search.service';
import { permittedProcedure, router } from '../trpc';

export const searchRouter = router({
  /** Free text across cases, reports, evidence, subjects, decisions and notes (a read: no audit event). */
  query: permittedProcedure('cases.read')
    .input(searchQueryInput)
    .output(searchQueryOutput)
    .query(({ ctx, input }) => searchDocuments(ctx, input)),
});

import { z } from 'zod';
import {
  subjectGetInput,
  subjectOverview,
  subjectRecordsInput,
  subjectRecordsOutput,
} from '../../../shared/api/subjects';
import { MIN_REVEAL_REASON_LENGTH, PII_FIELDS } from '../../../shared/pii/mask';
import { revealPii } from '../../services/pii.service';
import { subjectOverview as overviewOf, subjectRecords } from '../../services/subjectOverview.service';
import { renameSubject } from '../../services/subjectRename.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

export const subjectsRouter = router({
  /** The subject page: identity, standing through the year, first pages of its records, related subjects (not audited: a read). */
  get: permittedProcedure('cases.read')
    .input(subjectGetInput)
    .output(subjectOverview)
    .query(({ ctx, input }) => overviewOf(ctx, input)),

  /** The next page of one of the subject page's lists (not audited: a read). */
  records: permittedProcedure('cases.read')
    .input(subjectRecordsInput)
    .output(subjectRecordsOutput)
    .query(({ ctx, input }) => subjectRecords(ctx.db, input)),

  /** One masked field in clear, for a stated reason (audited as `pii.revealed`). */
  revealPii: permittedProcedure('pii.reveal')
    .input(
      z.object({
        subjectId: z.string().min(1).max(64),
        field: z.enum(PII_FIELDS),
        reason: z.string().trim().min(MIN_REVEAL_REASON_LENGTH).max(500),
        caseId: z.number().int().positive().optional(),
      }),
    )
    .output(z.object({ value: z.string() }))
    .mutation(({ ctx, input }) => revealPii(serviceContext(ctx), input)),

  /** Corrects a subject's name, with a reason (audited as `subject.renamed`); intake never renames. */
  rename: permittedProcedure('subjects.rename')
    .input(
      z.object({
        id: z.string().min(1).max(64),
        name: z.string().trim().min(1).max(200),
        reason: z.string().trim().min(1).max(500),
      }),
    )
    .output(z.object({ id: z.string(), name: z.string() }))
    .mutation(({ ctx, input }) => renameSubject(serviceContext(ctx), input)),
});

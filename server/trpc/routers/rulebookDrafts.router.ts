import {
  draftsApproveInput,
  draftsApproveOutput,
  draftsCheckInput,
  draftsCheckOutput,
  draftsCreateInput,
  draftsCreateOutput,
  draftsDiscardInput,
  draftsDiscardOutput,
  draftsGetInput,
  draftsGetOutput,
  draftsListInput,
  draftsListOutput,
  draftsPublishInput,
  draftsPublishOutput,
  draftsUpdateInput,
  draftsUpdateOutput,
} from '../../../shared/api/rulebookDrafts';
import {
  approveDraft,
  checkDraft,
  createDraft,
  discardDraft,
  getDraft,
  listDrafts,
  requestPublication,
  updateDraft,
} from '../../services/rulebookDrafts.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';
import { simulationDraftProcedures } from './rulebookSimulation.router';

/** Drafts of new rulebook versions and their publication under four-eyes (admins: `rulebook.manage`). */
export const rulebookDraftsRouter = router({
  /** A copy of a published version, default the latest (audited as `rulebook.draft_created`). */
  create: permittedProcedure('rulebook.manage')
    .input(draftsCreateInput)
    .output(draftsCreateOutput)
    .mutation(({ ctx, input }) => createDraft(serviceContext(ctx), input)),

  /** Open drafts (or those of one status), newest first. */
  list: permittedProcedure('rulebook.manage')
    .input(draftsListInput)
    .output(draftsListOutput)
    .query(({ ctx, input }) => listDrafts(ctx, input ?? {})),

  /** The draft, its problems and its diff against the latest published version. */
  get: permittedProcedure('rulebook.manage')
    .input(draftsGetInput)
    .output(draftsGetOutput)
    .query(({ ctx, input }) => getDraft(ctx, input.id)),

  /**
   * Live validation of unsaved edits: problems at their fields and the diff; writes nothing. A
   * mutation only because a whole rulebook does not fit in a GET's URL.
   */
  check: permittedProcedure('rulebook.manage')
    .input(draftsCheckInput)
    .output(draftsCheckOutput)
    .mutation(({ ctx, input }) => checkDraft(ctx, input)),

  /** Saves the whole rulebook, refused at the first invalid field (audited as `rulebook.draft_updated`). */
  update: permittedProcedure('rulebook.manage')
    .input(draftsUpdateInput)
    .output(draftsUpdateOutput)
    .mutation(({ ctx, input }) => updateDraft(serviceContext(ctx), input)),

  /** Drops a draft or a pending one (audited as `rulebook.draft_discarded`). */
  discard: permittedProcedure('rulebook.manage')
    .input(draftsDiscardInput)
    .output(draftsDiscardOutput)
    .mutation(({ ctx, input }) => discardDraft(serviceContext(ctx), input.id)),

  /** Asks a second admin to approve it from a date (audited as `rulebook.publish_requested`). */
  publish: permittedProcedure('rulebook.manage')
    .input(draftsPublishInput)
    .output(draftsPublishOutput)
    .mutation(({ ctx, input }) => requestPublication(serviceContext(ctx), input)),

  /** Another admin's approval: the next published version (audited as `rulebook.published`; outbox `rulebook.published`). */
  approve: permittedProcedure('rulebook.manage')
    .input(draftsApproveInput)
    .output(draftsApproveOutput)
    .mutation(({ ctx, input }) => approveDraft(serviceContext(ctx), input.id)),

  // Impact simulation and shadow mode: simulate, shadow, shadowStop (docs/SIMULATION.md).
  ...simulationDraftProcedures,
});

import {
  shadowDivergencesInput,
  shadowDivergencesOutput,
  shadowStartInput,
  shadowStartOutput,
  shadowStopInput,
  shadowStopOutput,
  simulateInput,
  simulateOutput,
  simulationCancelInput,
  simulationCancelOutput,
  simulationInput,
  simulationOutput,
  simulationSubjectsInput,
  simulationSubjectsOutput,
} from '../../../shared/api/simulation';
import { shadowDivergences, startShadow, stopShadow } from '../../services/shadow.service';
import {
  cancelSimulation,
  getSimulation,
  simulationSubjects,
  startSimulation,
} from '../../services/simulation.service';
import { loadDraft } from '../../services/simulationDraft';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/**
 * Impact simulation and shadow mode of rulebook drafts (docs/SIMULATION.md), admins only
 * (`rulebook.manage`). `simulationDraftProcedures` sit under `rulebook.drafts` (rulebookDrafts.router.ts); the rest under `rulebook`,
 * where `simulation` is both a procedure and the prefix of `simulation.cancel` and
 * `simulation.subjects` (tRPC takes a dotted key as one procedure path).
 */
export const simulationDraftProcedures = {
  /** Queues a run of the draft against every subject of its platform at `asOf` (simulation.started). */
  simulate: permittedProcedure('rulebook.manage')
    .input(simulateInput)
    .output(simulateOutput)
    .mutation(async ({ ctx, input }) => {
      const svc = serviceContext(ctx);
      return startSimulation(svc, { draft: await loadDraft(svc.db, input.id), asOf: input.asOf });
    }),

  /** Judges the draft beside the live rulebook on every new decision for `days` days (shadow.started). */
  shadow: permittedProcedure('rulebook.manage')
    .input(shadowStartInput)
    .output(shadowStartOutput)
    .mutation(async ({ ctx, input }) => {
      const svc = serviceContext(ctx);
      return startShadow(svc, { draft: await loadDraft(svc.db, input.id), days: input.days });
    }),

  /** Ends the draft's shadow run now (shadow.stopped). */
  shadowStop: permittedProcedure('rulebook.manage')
    .input(shadowStopInput)
    .output(shadowStopOutput)
    .mutation(async ({ ctx, input }) => {
      const svc = serviceContext(ctx);
      await loadDraft(svc.db, input.id);
      return stopShadow(svc, input.id);
    }),
};

export const simulationProcedures = {
  /** Where a simulation stands: status, progress, the change counts so far. Not audited (a read). */
  simulation: permittedProcedure('rulebook.manage')
    .input(simulationInput)
    .output(simulationOutput)
    .query(({ ctx, input }) => getSimulation(serviceContext(ctx), input.jobId)),

  /** Stops a queued or running simulation and deletes what it found (simulation.cancelled). */
  'simulation.cancel': permittedProcedure('rulebook.manage')
    .input(simulationCancelInput)
    .output(simulationCancelOutput)
    .mutation(({ ctx, input }) => cancelSimulation(serviceContext(ctx), input.jobId)),

  /** The subjects the draft would change, with their standing before and after, in id order. */
  'simulation.subjects': permittedProcedure('rulebook.manage')
    .input(simulationSubjectsInput)
    .output(simulationSubjectsOutput)
    .query(({ ctx, input }) => simulationSubjects(serviceContext(ctx), input)),

  shadow: router({
    /** Decisions after which the draft's standing differed from the live one, newest first. */
    divergences: permittedProcedure('rulebook.manage')
      .input(shadowDivergencesInput)
      .output(shadowDivergencesOutput)
      .query(async ({ ctx, input }) => {
        const svc = serviceContext(ctx);
        await loadDraft(svc.db, input.draftId);
        return shadowDivergences(svc, input);
      }),
  }),
};

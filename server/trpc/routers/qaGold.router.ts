import { z } from 'zod';
import {
  calibrationAnswerInput,
  calibrationCreateInput,
  calibrationDetail,
  calibrationMatrix,
  calibrationSummary,
  goldListInput,
  goldMarkInput,
  goldRateView,
  goldSetRateInput,
  goldView,
} from '../../../shared/api/qaGold';
import {
  answerCalibration,
  calibrationCandidates,
  calibrationCsv,
  closeCalibration,
  createCalibration,
  getCalibration,
  listCalibrations,
} from '../../services/qaCalibration.service';
import { goldRates, listGold, markGold, retireGold, setGoldRate } from '../../services/qaGold.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

const byId = z.object({ id: z.number().int().positive() });

/** `qa.gold.*`: known-answer cases, their redacted training copies, and the rate they are served at. */
export const qaGoldRouter = router({
  /** Audited as `qa.gold.marked` on the real case. */
  mark: permittedProcedure('qa.manage')
    .input(goldMarkInput)
    .output(z.object({ id: z.number(), copyCaseId: z.number() }))
    .mutation(({ ctx, input }) => markGold(serviceContext(ctx), input)),

  list: permittedProcedure('qa.manage')
    .input(goldListInput)
    .output(z.array(goldView))
    .query(({ ctx, input }) => listGold(serviceContext(ctx), input)),

  /** Audited as `qa.gold.retired`. */
  retire: permittedProcedure('qa.manage')
    .input(byId)
    .output(z.object({ retired: z.literal(true) }))
    .mutation(({ ctx, input }) => retireGold(serviceContext(ctx), input)),

  /** Audited as `qa.gold.rate_set` on the queue. */
  setRate: permittedProcedure('qa.manage')
    .input(goldSetRateInput)
    .output(goldRateView)
    .mutation(({ ctx, input }) => setGoldRate(serviceContext(ctx), input)),

  rates: permittedProcedure('qa.manage')
    .output(z.array(goldRateView))
    .query(({ ctx }) => goldRates(serviceContext(ctx))),
});

/** `qa.calibration.*`: blind calibration sessions and their agreement matrix. */
export const qaCalibrationRouter = router({
  /** Audited as `qa.calibration.created`. */
  create: permittedProcedure('qa.manage')
    .input(calibrationCreateInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createCalibration(serviceContext(ctx), input)),

  /** Staff a lead may invite: enabled, and in a role that decides cases. */
  candidates: permittedProcedure('qa.manage')
    .output(z.array(z.object({ id: z.number(), name: z.string() })))
    .query(({ ctx }) => calibrationCandidates(serviceContext(ctx))),

  /** Leads see every session; reviewers the ones they are invited to. */
  list: permittedProcedure('cases.read')
    .output(z.array(calibrationSummary))
    .query(({ ctx }) => listCalibrations(serviceContext(ctx))),

  get: permittedProcedure('cases.read')
    .input(byId)
    .output(calibrationDetail)
    .query(({ ctx, input }) => getCalibration(serviceContext(ctx), input)),

  /** Audited as `qa.calibration.answered`. */
  answer: permittedProcedure('cases.decide')
    .input(calibrationAnswerInput)
    .output(z.object({ answered: z.literal(true) }))
    .mutation(({ ctx, input }) => answerCalibration(serviceContext(ctx), input)),

  /** Audited as `qa.calibration.closed`; returns the matrix. */
  close: permittedProcedure('qa.manage')
    .input(byId)
    .output(calibrationMatrix)
    .mutation(({ ctx, input }) => closeCalibration(serviceContext(ctx), input)),

  /** The closed session's matrix as CSV text (written by shared/metrics/csv.ts). */
  csv: permittedProcedure('qa.manage')
    .input(byId)
    .output(z.object({ fileName: z.string(), csv: z.string() }))
    .query(({ ctx, input }) => calibrationCsv(serviceContext(ctx), input)),
});

/**
 * Impact simulation and shadow mode (docs/SIMULATION.md): the inputs and outputs of
 * `rulebook.drafts.simulate`, `rulebook.simulation` (and its `.cancel`, `.subjects`),
 * `rulebook.drafts.shadow`, `rulebook.drafts.shadowStop` and `rulebook.shadow.divergences`.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { isoInstant } from './instant';

const draftId = z.number().int().positive();
const jobId = z.number().int().positive();

/** `rulebook.drafts.simulate {id, asOf}` → `{jobId}`: the draft against every subject of its platform. */
export const simulateInput = z.object({ id: draftId, asOf: isoInstant });
export const simulateOutput = z.object({ jobId: z.number() });

export const SIMULATION_STATUSES = ['queued', 'running', 'done', 'cancelled', 'failed'] as const;

/** How many subjects changed, in all and per aspect (fixed names). */
export const changeCounts = z.object({
  subjects: z.number(),
  points: z.number(),
  nodes: z.number(),
  punishments: z.number(),
  seals: z.number(),
  demotions: z.number(),
});

export const simulationInput = z.object({ jobId });
/** `rulebook.simulation {jobId}` → the job's state; `changed` counts the subjects processed so far. */
export const simulationOutput = z.object({
  jobId: z.number(),
  draftId: z.number(),
  platform: z.enum(PLATFORM_IDS),
  asOf: z.string(),
  status: z.enum(SIMULATION_STATUSES),
  /** 0–1: subjects processed of those the platform had when the job started; 1 once done. */
  progress: z.number(),
  processed: z.number(),
  total: z.number(),
  changed: changeCounts,
  /** Why a failed job stopped (the engine's message about the draft), else null. */
  error: z.string().nullable(),
  startedBy: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type SimulationView = z.infer<typeof simulationOutput>;

export const simulationCancelInput = z.object({ jobId });
export const simulationCancelOutput = z.object({ status: z.literal('cancelled') });

const summaryPunishment = z.object({
  ledger: z.string(),
  node: z.number(),
  measures: z.array(z.string()),
  from: z.string(),
  until: z.string().nullable(),
  active: z.boolean(),
});

/** What a simulation compares of a standing (shared/simulation/summary.ts). */
export const standingSummary = z.object({
  points: z.record(z.string(), z.number()),
  nodes: z.array(z.string()),
  punishments: z.array(summaryPunishment),
  sealed: z.boolean(),
  demotions: z.array(z.object({ item: z.string(), from: z.string(), until: z.string() })),
});

export const changedFlags = z.object({
  points: z.boolean(),
  nodes: z.boolean(),
  punishments: z.boolean(),
  seals: z.boolean(),
  demotions: z.boolean(),
});

/** A subject id is the marketplace's (at most 64 characters, like every subject input). */
const subjectCursor = z.string().min(1).max(64);

/** `rulebook.simulation.subjects {jobId, cursor?, limit}`: the changed subjects, in id order. */
export const simulationSubjectsInput = z.object({
  jobId,
  cursor: subjectCursor.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const simulationSubjectsOutput = z.object({
  items: z.array(
    z.object({ subjectId: z.string(), before: standingSummary, after: standingSummary, changed: changedFlags }),
  ),
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});

/** Shadow mode lasts at most this many days; a longer trial is a new start. */
export const SHADOW_MAX_DAYS = 90;

/** `rulebook.drafts.shadow {id, days}` (admin): judge the draft beside the live rulebook on new decisions. */
export const shadowStartInput = z.object({ id: draftId, days: z.number().int().min(1).max(SHADOW_MAX_DAYS) });
export const shadowStartOutput = z.object({ runId: z.number(), until: z.string() });

export const shadowStopInput = z.object({ id: draftId });
export const shadowStopOutput = z.object({ runId: z.number(), divergences: z.number() });

/** `rulebook.shadow.divergences {draftId, cursor?}`: newest first. */
export const shadowDivergencesInput = z.object({
  draftId,
  cursor: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const shadowDivergencesOutput = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      runId: z.number(),
      caseId: z.number(),
      decisionId: z.number(),
      subjectId: z.string(),
      live: standingSummary,
      shadow: standingSummary,
      changed: changedFlags,
      at: z.string(),
    }),
  ),
  nextCursor: z.number().nullable(),
  /** The draft's shadow run going now, if any. */
  active: z.object({ runId: z.number(), startedAt: z.string(), until: z.string() }).nullable(),
});

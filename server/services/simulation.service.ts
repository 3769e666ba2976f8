import type { SimulationView } from '../../shared/api/simulation';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { zeroCounts } from '../../shared/simulation';
import { recordEvent } from '../audit/recordEvent';
import { type SimulationJob, type SimulationResult, simulationRepo } from '../db/repositories/simulation.repo';
import { actingUserId, type ServiceContext } from './serviceContext';
import { checkDraftPlatform, type SimulationDraft } from './simulationDraft';

/**
 * `rulebook.drafts.simulate`: queues a run of the draft against every subject of its platform at
 * `asOf` (simulation.started). The draft's rulebook is copied into the job, so what the job
 * reports is the draft as it stood now. A worker (server/jobs/simulationWorker.ts) does the work.
 */
export async function startSimulation(
  ctx: ServiceContext,
  input: { draft: SimulationDraft; asOf: string },
): Promise<{ jobId: number }> {
  const { draft } = input;
  checkDraftPlatform(draft);
  const startedBy = actingUserId(ctx);
  const now = ctx.clock.now();
  const asOf = new Date(input.asOf).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const jobId = await simulationRepo.insertJob(trx, {
      draftId: draft.id,
      platform: draft.platform,
      asOf,
      rulebook: draft.rulebook,
      changed: zeroCounts(),
      startedBy,
      now: now.toISOString(),
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'simulation.started',
        target: { type: 'simulation', id: jobId },
        data: { jobId, draftId: draft.id, platform: draft.platform, asOf },
      },
      now,
    );
    return { jobId };
  });
}

async function jobOrThrow(ctx: ServiceContext, jobId: number): Promise<SimulationJob> {
  const job = await simulationRepo.find(ctx.db, jobId);
  if (!job) throw notFound('simulation', jobId);
  return job;
}

export function simulationView(job: SimulationJob): SimulationView {
  return {
    jobId: job.id,
    draftId: job.draftId,
    platform: job.platform,
    asOf: job.asOf,
    status: job.status,
    progress: job.progress,
    processed: job.processed,
    total: job.total,
    changed: job.changed,
    error: job.error,
    startedBy: job.startedBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

/** `rulebook.simulation {jobId}`: where the job stands. */
export async function getSimulation(ctx: ServiceContext, jobId: number): Promise<SimulationView> {
  return simulationView(await jobOrThrow(ctx, jobId));
}

/**
 * `rulebook.simulation.cancel`: stops a queued or running job and deletes every result it wrote
 * (simulation.cancelled), in one transaction; the worker's next chunk then finds it cancelled
 * and writes nothing (simulationRepo.advance).
 */
export async function cancelSimulation(ctx: ServiceContext, jobId: number): Promise<{ status: 'cancelled' }> {
  const job = await jobOrThrow(ctx, jobId);
  const notRunning = () =>
    new DeskError('CONFLICT', 'simulation_not_running', `simulation ${jobId} has already ended (${job.status})`, {
      status: job.status,
    });
  if (job.status !== 'queued' && job.status !== 'running') throw notRunning();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await simulationRepo.cancel(trx, jobId, now.toISOString()))) throw notRunning();
    const stopped = (await simulationRepo.find(trx, jobId)) ?? job;
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'simulation.cancelled',
        target: { type: 'simulation', id: jobId },
        data: { jobId, draftId: job.draftId, processed: stopped.processed, total: stopped.total },
      },
      now,
    );
  });
  return { status: 'cancelled' };
}

/** `rulebook.simulation.subjects`: the subjects the draft would change, with before and after, in id order. */
export async function simulationSubjects(
  ctx: ServiceContext,
  input: { jobId: number; cursor?: string; limit: number },
): Promise<{ items: SimulationResult[]; nextCursor: string | null }> {
  await jobOrThrow(ctx, input.jobId);
  const rows = await simulationRepo.results(ctx.db, input.jobId, input.cursor ?? null, input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.subjectId ?? null) : null };
}

import { type History, type PlatformId, type Rulebook, RulebookError } from '../../shared/rulebook';
import { addCounts, simulate } from '../../shared/simulation';
import { recordEvent, SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { type SimulationJob, simulationRepo } from '../db/repositories/simulation.repo';
import type { Rulebooks } from '../rulebooks';

export interface SimulationRunDeps {
  db: Db;
  clock: Clock;
  rulebooks: Rulebooks;
}

export interface SimulationRunConfig {
  /** Subjects per chunk: one read, then one short write. */
  chunkSize: number;
  /** How long a claim lasts without a chunk renewing it; another instance takes the job over after. */
  leaseMs: number;
}

export const DEFAULT_SIMULATION_RUN: SimulationRunConfig = { chunkSize: 1000, leaseMs: 60_000 };

/**
 * `idle`: no job to work on; `advanced`: one chunk written; `finished`: the job ended (done or
 * failed); `lost`: the chunk was thrown away because the job was cancelled or taken over meanwhile.
 */
export type SimulationStep = 'idle' | 'advanced' | 'finished' | 'lost';

// The drafts of the jobs this process is working on, parsed once per job rather than per chunk.
const drafts = new Map<number, Rulebook>();
async function draftOf(db: Db, jobId: number): Promise<Rulebook> {
  const known = drafts.get(jobId);
  if (known) return known;
  const rulebook = await simulationRepo.rulebookOf(db, jobId);
  if (drafts.size >= 8) drafts.delete(drafts.keys().next().value as number);
  drafts.set(jobId, rulebook);
  return rulebook;
}

/** The job this worker holds, else the oldest one free to take (claimed here with a lease). */
async function jobToWork(deps: SimulationRunDeps, owner: string, config: SimulationRunConfig) {
  const now = deps.clock.now();
  const held = await simulationRepo.heldBy(deps.db, owner, now.toISOString());
  if (held) return held;
  const free = await simulationRepo.claimable(deps.db, now.toISOString());
  if (!free) return undefined;
  // A queued job counts its platform's subjects now; one taken over from a dead worker keeps its count.
  const total = free.status === 'queued' ? await simulationRepo.countSubjects(deps.db, free.platform) : free.total;
  const leaseUntil = new Date(now.getTime() + config.leaseMs).toISOString();
  const claimed = await simulationRepo.claim(deps.db, free, { owner, now: now.toISOString(), leaseUntil, total });
  return claimed ? simulationRepo.find(deps.db, free.id) : undefined;
}

/** One chunk's input: the next subject ids of the platform after a cursor, and their histories. */
interface Chunk {
  ids: string[];
  histories: Map<string, History>;
}

async function readChunk(db: Db, platform: PlatformId, cursor: string | null, size: number): Promise<Chunk> {
  const ids = await simulationRepo.subjectPage(db, platform, cursor, size);
  return { ids, histories: await simulationRepo.historiesOf(db, ids) };
}

/** The next chunk's read, started while the current one is judged. */
export interface PrefetchedChunk {
  jobId: number;
  cursor: string | null;
  read: Promise<Chunk>;
}

/**
 * One chunk of one simulation job: the next `chunkSize` subjects of the platform after the job's
 * cursor, read with their histories in one go, judged by the live rulebook and by the draft
 * (pure, shared/simulation), then one short transaction that moves the job on and stores the
 * subjects that changed — only while this worker still holds the job and it still runs. Nothing
 * here writes anything but the job's own rows.
 */
export async function runSimulationStep(
  deps: SimulationRunDeps,
  owner: string,
  config: SimulationRunConfig = DEFAULT_SIMULATION_RUN,
): Promise<SimulationStep> {
  return (await runSimulationChunk(deps, owner, config)).step;
}

/**
 * `runSimulationStep`, pipelined: given the read the previous chunk started (`prefetched`), it
 * uses it if it is still the job's next chunk, and starts the read of the chunk after this one
 * before judging, so the database works while the engine does (the worker passes it along).
 */
export async function runSimulationChunk(
  deps: SimulationRunDeps,
  owner: string,
  config: SimulationRunConfig = DEFAULT_SIMULATION_RUN,
  prefetched?: PrefetchedChunk,
): Promise<{ step: SimulationStep; next?: PrefetchedChunk }> {
  const job = await jobToWork(deps, owner, config);
  if (!job) return { step: 'idle' };
  const usable = prefetched && prefetched.jobId === job.id && prefetched.cursor === job.cursor;
  const { ids, histories } = usable
    ? await prefetched.read
    : await readChunk(deps.db, job.platform, job.cursor, config.chunkSize);
  let next: PrefetchedChunk | undefined;
  if (ids.length === config.chunkSize) {
    const cursor = ids.at(-1) ?? null;
    const read = readChunk(deps.db, job.platform, cursor, config.chunkSize);
    // Awaited by the next chunk, if there is one; a job cancelled meanwhile leaves it unread.
    read.catch(() => {});
    next = { jobId: job.id, cursor, read };
  }
  // The live rulebook is the version in force as each chunk runs (one published meanwhile counts from then on).
  await deps.rulebooks.refresh(deps.db);
  const live = deps.rulebooks.ofPlatform(job.platform);
  const draft = await draftOf(deps.db, job.id);
  let outcome: ReturnType<typeof simulate> | { error: string };
  try {
    const subjects = ids.map((subjectId) => ({ subjectId, history: histories.get(subjectId) ?? { violations: [] } }));
    outcome = simulate(subjects, live, draft, job.asOf);
  } catch (err) {
    // A draft the engine cannot judge a history by (a rule version not yet in force, say) ends the job, saying why.
    if (!(err instanceof RulebookError)) throw err;
    outcome = { error: err.path ? `${err.path}: ${err.message}` : err.message };
  }
  const step = await settle(deps, owner, config, job, ids, outcome);
  return step === 'advanced' && next ? { step, next } : { step };
}

async function settle(
  deps: SimulationRunDeps,
  owner: string,
  config: SimulationRunConfig,
  job: SimulationJob,
  ids: readonly string[],
  outcome: ReturnType<typeof simulate> | { error: string },
): Promise<SimulationStep> {
  const now = deps.clock.now();
  const failed = 'error' in outcome;
  const processed = job.processed + (failed ? 0 : ids.length);
  const done = !failed && ids.length < config.chunkSize;
  const changed = failed ? job.changed : addCounts({ ...job.changed }, outcome.changed);
  // Subjects added while the job runs are judged too, so `processed` may pass `total`: the bar stops short of 1 until done.
  const progress = done ? 1 : job.total === 0 ? 0 : Math.min(processed / job.total, 0.99);
  const written = await deps.db.transaction().execute(async (trx) => {
    const moved = await simulationRepo.advance(
      trx,
      job.id,
      owner,
      {
        cursor: ids.at(-1) ?? job.cursor,
        processed,
        progress,
        changed,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + config.leaseMs).toISOString(),
        done,
        ...(failed ? { error: outcome.error } : {}),
      },
      failed ? [] : outcome.impacts,
    );
    if (!moved || !(done || failed)) return moved;
    await recordEvent(
      trx,
      SYSTEM_ACTOR,
      {
        action: 'simulation.finished',
        target: { type: 'simulation', id: job.id },
        data: {
          jobId: job.id,
          draftId: job.draftId,
          status: failed ? 'failed' : 'done',
          processed,
          total: job.total,
          changed,
          error: failed ? outcome.error : null,
        },
      },
      now,
    );
    return true;
  });
  if (!written) {
    drafts.delete(job.id);
    return 'lost';
  }
  if (done || failed) {
    drafts.delete(job.id);
    return 'finished';
  }
  return 'advanced';
}

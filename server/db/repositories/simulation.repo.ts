import type { Selectable } from 'kysely';
import type { History, PlatformId, Rulebook } from '../../../shared/rulebook';
import type { ChangeCounts, ChangedFlags, StandingSummary, SubjectImpact } from '../../../shared/simulation';
import type { Db, Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import type { ViolationRow } from '../tables/decisions.table';
import type { SimulationJobsTable, SimulationResultsTable, SimulationStatus } from '../tables/simulation.table';
import { decodePlatform } from './platformColumn';
import { historyOf } from './violations.repo';

/** A simulation job as the services see it: JSON decoded, platform checked. */
export interface SimulationJob {
  id: number;
  draftId: number;
  platform: PlatformId;
  asOf: string;
  status: SimulationStatus;
  progress: number;
  processed: number;
  total: number;
  cursor: string | null;
  changed: ChangeCounts;
  error: string | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
  startedBy: number;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string;
  finishedAt: string | null;
}

export interface SimulationResult {
  subjectId: string;
  before: StandingSummary;
  after: StandingSummary;
  changed: ChangedFlags;
}

/** A job's columns but its rulebook, which only the worker reads (`rulebookOf`). */
const JOB_COLUMNS = [
  'id',
  'draft_id',
  'platform',
  'as_of',
  'status',
  'progress',
  'processed',
  'total',
  'cursor',
  'changed',
  'error',
  'lease_owner',
  'lease_until',
  'started_by',
  'created_at',
  'started_at',
  'updated_at',
  'finished_at',
] as const;

type JobRow = Pick<Selectable<SimulationJobsTable>, (typeof JOB_COLUMNS)[number]>;

const decodeJob = (r: JobRow): SimulationJob => ({
  id: Number(r.id),
  draftId: Number(r.draft_id),
  platform: decodePlatform(r.platform),
  asOf: r.as_of,
  status: r.status,
  progress: Number(r.progress),
  processed: Number(r.processed),
  total: Number(r.total),
  cursor: r.cursor,
  changed: fromJson<ChangeCounts>(r.changed),
  error: r.error,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
  startedBy: Number(r.started_by),
  createdAt: r.created_at,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

const decodeResult = (r: Selectable<SimulationResultsTable>): SimulationResult => ({
  subjectId: r.subject_id,
  before: fromJson<StandingSummary>(r.before),
  after: fromJson<StandingSummary>(r.after),
  changed: {
    points: Boolean(r.points_changed),
    nodes: Boolean(r.nodes_changed),
    punishments: Boolean(r.punishments_changed),
    seals: Boolean(r.seals_changed),
    demotions: Boolean(r.demotions_changed),
  },
});

const flag = (b: boolean) => (b ? 1 : 0);

export const simulationRepo = {
  async insertJob(
    db: Executor,
    job: {
      draftId: number;
      platform: PlatformId;
      asOf: string;
      rulebook: Rulebook;
      changed: ChangeCounts;
      startedBy: number;
      now: string;
    },
  ): Promise<number> {
    const row = await db
      .insertInto('simulation_jobs')
      .values({
        draft_id: job.draftId,
        platform: job.platform,
        as_of: job.asOf,
        rulebook: toJson(job.rulebook),
        status: 'queued',
        cursor: null,
        changed: toJson(job.changed),
        error: null,
        lease_owner: null,
        lease_until: null,
        started_by: job.startedBy,
        created_at: job.now,
        started_at: null,
        updated_at: job.now,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  },

  async find(db: Executor, id: number): Promise<SimulationJob | undefined> {
    const row = await db.selectFrom('simulation_jobs').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && decodeJob(row);
  },

  /** The draft's rulebook the job runs, as it stood when the job was asked for. */
  async rulebookOf(db: Executor, id: number): Promise<Rulebook> {
    const row = await db
      .selectFrom('simulation_jobs')
      .select('rulebook')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return fromJson<Rulebook>(row.rulebook);
  },

  /** The running job `owner` holds a live lease on, if any (the worker's next chunk). */
  async heldBy(db: Executor, owner: string, now: string): Promise<SimulationJob | undefined> {
    const row = await db
      .selectFrom('simulation_jobs')
      .select(JOB_COLUMNS)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .where('lease_until', '>', now)
      .orderBy('id')
      .executeTakeFirst();
    return row && decodeJob(row);
  },

  /** The oldest job no live lease covers: queued, or running under a lease that ran out (its worker died). */
  async claimable(db: Executor, now: string): Promise<SimulationJob | undefined> {
    const row = await db
      .selectFrom('simulation_jobs')
      .select(JOB_COLUMNS)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)])]),
        ]),
      )
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row && decodeJob(row);
  },

  /**
   * Takes `job` for `owner` if it is still as `claimable` saw it (compare-and-set on its status
   * and lease): of two instances racing for one job, exactly one update matches.
   */
  async claim(
    db: Executor,
    job: SimulationJob,
    args: { owner: string; now: string; leaseUntil: string; total: number },
  ): Promise<boolean> {
    const result = await db
      .updateTable('simulation_jobs')
      .set({
        status: 'running',
        lease_owner: args.owner,
        lease_until: args.leaseUntil,
        updated_at: args.now,
        ...(job.status === 'queued' ? { started_at: args.now, total: args.total } : {}),
      })
      .where('id', '=', job.id)
      .where('status', '=', job.status)
      .where((eb) => (job.leaseUntil === null ? eb('lease_until', 'is', null) : eb('lease_until', '=', job.leaseUntil)))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** How many subjects the platform has: the job's `total`. */
  async countSubjects(db: Executor, platform: PlatformId): Promise<number> {
    const row = await db
      .selectFrom('subjects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('platform', '=', platform)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The next `limit` subject ids of the platform after `cursor`, in id order (keyset). */
  async subjectPage(db: Executor, platform: PlatformId, cursor: string | null, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('subjects')
      .select('id')
      .where('platform', '=', platform)
      .$if(cursor !== null, (q) => q.where('id', '>', cursor as string))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /**
   * The histories of `subjectIds` (every finding on record, reversed ones marked), in one query:
   * the same input `accounts.standing` judges (`historyOf`).
   */
  async historiesOf(db: Executor, subjectIds: readonly string[]): Promise<Map<string, History>> {
    const bySubject = new Map<string, ViolationRow[]>(subjectIds.map((id) => [id, []]));
    if (subjectIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('violations')
      .selectAll()
      .where('subject_id', 'in', subjectIds)
      .orderBy('subject_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const row of rows) bySubject.get(row.subject_id)?.push({ ...row, facts: fromJson(row.facts) });
    return new Map([...bySubject].map(([id, found]) => [id, historyOf(found)]));
  },

  /**
   * Moves a job on by one chunk, if `owner` still holds it and it still runs: the counters, the
   * lease, and the chunk's changed subjects. Returns false (writing nothing) when the job was
   * cancelled or taken over meanwhile; the caller's transaction then ends without effect. The
   * update comes first so that, on PostgreSQL, it waits for a cancel in progress and then sees it.
   */
  async advance(
    db: Executor,
    jobId: number,
    owner: string,
    changes: {
      cursor: string | null;
      processed: number;
      progress: number;
      changed: ChangeCounts;
      now: string;
      leaseUntil: string;
      done: boolean;
      error?: string;
    },
    impacts: readonly SubjectImpact[],
  ): Promise<boolean> {
    const ended = changes.done || changes.error !== undefined;
    const result = await db
      .updateTable('simulation_jobs')
      .set({
        cursor: changes.cursor,
        processed: changes.processed,
        progress: changes.progress,
        changed: toJson(changes.changed),
        updated_at: changes.now,
        ...(ended
          ? {
              status: changes.error === undefined ? 'done' : 'failed',
              error: changes.error ?? null,
              finished_at: changes.now,
              lease_owner: null,
              lease_until: null,
            }
          : { lease_until: changes.leaseUntil }),
      })
      .where('id', '=', jobId)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    // A few hundred rows per statement keeps under either dialect's bound-parameter limit.
    for (let i = 0; i < impacts.length; i += 500) {
      await db
        .insertInto('simulation_results')
        .values(
          impacts.slice(i, i + 500).map((impact) => ({
            job_id: jobId,
            subject_id: impact.subjectId,
            before: toJson(impact.before),
            after: toJson(impact.after),
            points_changed: flag(impact.changed.points),
            nodes_changed: flag(impact.changed.nodes),
            punishments_changed: flag(impact.changed.punishments),
            seals_changed: flag(impact.changed.seals),
            demotions_changed: flag(impact.changed.demotions),
          })),
        )
        .execute();
    }
    return true;
  },

  /** Cancels a queued or running job and drops every result it wrote; false if it had already ended. */
  async cancel(db: Executor, jobId: number, now: string): Promise<boolean> {
    const result = await db
      .updateTable('simulation_jobs')
      .set({ status: 'cancelled', updated_at: now, finished_at: now, lease_owner: null, lease_until: null })
      .where('id', '=', jobId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await db.deleteFrom('simulation_results').where('job_id', '=', jobId).execute();
    return true;
  },

  /** The job's changed subjects in id order after `cursor`, `limit` of them. */
  async results(db: Executor, jobId: number, cursor: string | null, limit: number): Promise<SimulationResult[]> {
    const rows = await db
      .selectFrom('simulation_results')
      .selectAll()
      .where('job_id', '=', jobId)
      .$if(cursor !== null, (q) => q.where('subject_id', '>', cursor as string))
      .orderBy('subject_id')
      .limit(limit)
      .execute();
    return rows.map(decodeResult);
  },

  async countResults(db: Db | Executor, jobId: number): Promise<number> {
    const row = await db
      .selectFrom('simulation_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

import type { PlatformId, Rulebook } from '../../../shared/rulebook';
import type { StandingSummary } from '../../../shared/simulation';
import type { Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import { decodePlatform } from './platformColumn';

export interface ShadowRun {
  id: number;
  draftId: number;
  platform: PlatformId;
  startedBy: number;
  startedAt: string;
  until: string;
  stoppedAt: string | null;
}

export interface ShadowDivergence {
  id: number;
  runId: number;
  draftId: number;
  caseId: number;
  decisionId: number;
  subjectId: string;
  live: StandingSummary;
  shadow: StandingSummary;
  at: string;
}

const RUN_COLUMNS = ['id', 'draft_id', 'platform', 'started_by', 'started_at', 'until', 'stopped_at'] as const;

const decodeRun = (r: {
  id: number;
  draft_id: number;
  platform: string;
  started_by: number;
  started_at: string;
  until: string;
  stopped_at: string | null;
}): ShadowRun => ({
  id: Number(r.id),
  draftId: Number(r.draft_id),
  platform: decodePlatform(r.platform),
  startedBy: Number(r.started_by),
  startedAt: r.started_at,
  until: r.until,
  stoppedAt: r.stopped_at,
});

// The decision hook reads a run's rulebook on every decision while it is active: parse it once per run.
const parsed = new Map<number, Rulebook>();

export const shadowRepo = {
  async insertRun(
    db: Executor,
    run: {
      draftId: number;
      platform: PlatformId;
      rulebook: Rulebook;
      startedBy: number;
      startedAt: string;
      until: string;
    },
  ): Promise<number> {
    const row = await db
      .insertInto('shadow_runs')
      .values({
        draft_id: run.draftId,
        platform: run.platform,
        rulebook: toJson(run.rulebook),
        started_by: run.startedBy,
        started_at: run.startedAt,
        until: run.until,
        stopped_at: null,
        stopped_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  },

  /** The draft's run going at `now` (started, not stopped, not past its end), if any. */
  async activeForDraft(db: Executor, draftId: number, now: string): Promise<ShadowRun | undefined> {
    const row = await db
      .selectFrom('shadow_runs')
      .select(RUN_COLUMNS)
      .where('draft_id', '=', draftId)
      .where('stopped_at', 'is', null)
      .where('until', '>', now)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row && decodeRun(row);
  },

  /**
   * The decision hook's one query: the runs of `platform` going at `now`, with their rulebooks.
   * Most of the time there are none, and the hook stops here.
   */
  async activeForPlatform(
    db: Executor,
    platform: PlatformId,
    now: string,
  ): Promise<(ShadowRun & { rulebook: Rulebook })[]> {
    const rows = await db
      .selectFrom('shadow_runs')
      .select([...RUN_COLUMNS, 'rulebook'])
      .where('platform', '=', platform)
      .where('until', '>', now)
      .where('stopped_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => {
      const run = decodeRun(r);
      let rulebook = parsed.get(run.id);
      if (!rulebook) {
        rulebook = fromJson<Rulebook>(r.rulebook);
        if (parsed.size >= 16) parsed.delete(parsed.keys().next().value as number);
        parsed.set(run.id, rulebook);
      }
      return { ...run, rulebook };
    });
  },

  /** Ends a run early; false when it had already stopped. */
  async stop(db: Executor, runId: number, by: number, at: string): Promise<boolean> {
    const result = await db
      .updateTable('shadow_runs')
      .set({ stopped_at: at, stopped_by: by })
      .where('id', '=', runId)
      .where('stopped_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertDivergence(db: Executor, d: Omit<ShadowDivergence, 'id'>): Promise<void> {
    await db
      .insertInto('shadow_divergences')
      .values({
        run_id: d.runId,
        draft_id: d.draftId,
        case_id: d.caseId,
        decision_id: d.decisionId,
        subject_id: d.subjectId,
        live: toJson(d.live),
        shadow: toJson(d.shadow),
        at: d.at,
      })
      .execute();
  },

  async countForRun(db: Executor, runId: number): Promise<number> {
    const row = await db
      .selectFrom('shadow_divergences')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The draft's divergences, newest first, before id `cursor`. */
  async divergences(db: Executor, draftId: number, cursor: number | null, limit: number): Promise<ShadowDivergence[]> {
    const rows = await db
      .selectFrom('shadow_divergences')
      .selectAll()
      .where('draft_id', '=', draftId)
      .$if(cursor !== null, (q) => q.where('id', '<', cursor as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      runId: Number(r.run_id),
      draftId: Number(r.draft_id),
      caseId: Number(r.case_id),
      decisionId: Number(r.decision_id),
      subjectId: r.subject_id,
      live: fromJson<StandingSummary>(r.live),
      shadow: fromJson<StandingSummary>(r.shadow),
      at: r.at,
    }));
  },
};

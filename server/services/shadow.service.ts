import type { Transaction } from 'kysely';
import { DeskError } from '../../shared/errors/deskError';
import type { PlatformId, Rulebook } from '../../shared/rulebook';
import { standing } from '../../shared/rulebook';
import { anyChanged, compareSummaries, summarize } from '../../shared/simulation';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { type ShadowDivergence, shadowRepo } from '../db/repositories/shadow.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import { actingUserId, type ServiceContext } from './serviceContext';
import { checkDraftPlatform, type SimulationDraft } from './simulationDraft';

const DAY_MS = 86_400_000;

/**
 * `rulebook.drafts.shadow {id, days}`: from now for `days` days, every new decision of the
 * draft's platform is also judged by the draft (shadow.started). The draft's rulebook is copied
 * into the run: what shadow mode compares is the draft as it stood when the run began.
 */
export async function startShadow(
  ctx: ServiceContext,
  input: { draft: SimulationDraft; days: number },
): Promise<{ runId: number; until: string }> {
  const { draft, days } = input;
  checkDraftPlatform(draft);
  const startedBy = actingUserId(ctx);
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + days * DAY_MS).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (await shadowRepo.activeForDraft(trx, draft.id, now.toISOString()))
      throw new DeskError('CONFLICT', 'shadow_already_running', `draft ${draft.id} is already running in shadow mode`);
    const runId = await shadowRepo.insertRun(trx, {
      draftId: draft.id,
      platform: draft.platform,
      rulebook: draft.rulebook,
      startedBy,
      startedAt: now.toISOString(),
      until,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'shadow.started',
        target: { type: 'shadow_run', id: runId },
        data: { runId, draftId: draft.id, platform: draft.platform, days, until },
      },
      now,
    );
    return { runId, until };
  });
}

/** `rulebook.drafts.shadowStop {id}`: ends the draft's run now (shadow.stopped); its divergences stay. */
export async function stopShadow(
  ctx: ServiceContext,
  draftId: number,
): Promise<{ runId: number; divergences: number }> {
  const by = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const run = await shadowRepo.activeForDraft(trx, draftId, now.toISOString());
    const notRunning = () =>
      new DeskError('CONFLICT', 'shadow_not_running', `draft ${draftId} is not running in shadow mode`);
    if (!run) throw notRunning();
    if (!(await shadowRepo.stop(trx, run.id, by, now.toISOString()))) throw notRunning();
    const divergences = await shadowRepo.countForRun(trx, run.id);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'shadow.stopped',
        target: { type: 'shadow_run', id: run.id },
        data: { runId: run.id, draftId, divergences },
      },
      now,
    );
    return { runId: run.id, divergences };
  });
}

/** `rulebook.shadow.divergences {draftId, cursor?}`: newest first, with the draft's run going now. */
export async function shadowDivergences(
  ctx: ServiceContext,
  input: { draftId: number; cursor?: number; limit: number },
) {
  const now = ctx.clock.now().toISOString();
  const rows = await shadowRepo.divergences(ctx.db, input.draftId, input.cursor ?? null, input.limit + 1);
  const items = rows.slice(0, input.limit).map((d: ShadowDivergence) => ({
    ...d,
    changed: compareSummaries(d.live, d.shadow),
  }));
  const active = await shadowRepo.activeForDraft(ctx.db, input.draftId, now);
  return {
    items,
    nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null,
    active: active ? { runId: active.id, startedAt: active.startedAt, until: active.until } : null,
  };
}

/**
 * The decision hook (server/services/decisionEffect.ts): after a finding goes on record, in the
 * decision's own transaction, judge the subject's history by each draft shadowing its platform
 * and by the live rulebook, and record a divergence where the two standings differ. One query
 * when no draft is shadowing (the usual case). It only ever writes `shadow_divergences`: the
 * decision, its notice and its outbox messages were built from the live rulebook before this
 * runs and are not touched.
 */
export async function shadowDecision(
  trx: Transaction<Database>,
  args: {
    platform: PlatformId;
    live: Rulebook;
    subjectId: string;
    caseId: number;
    decisionId: number;
    now: Date;
  },
): Promise<number> {
  const at = args.now.toISOString();
  const runs = await shadowRepo.activeForPlatform(trx, args.platform, at);
  if (runs.length === 0) return 0;
  const history = await violationsRepo.historyOf(trx, args.subjectId);
  const live = summarize(standing(history, args.now, args.live));
  let recorded = 0;
  for (const run of runs) {
    let shadow: ReturnType<typeof summarize>;
    try {
      shadow = summarize(standing(history, args.now, run.rulebook));
    } catch {
      // A draft that cannot judge this history says nothing about it; the decision stands regardless.
      continue;
    }
    if (!anyChanged(compareSummaries(live, shadow))) continue;
    await shadowRepo.insertDivergence(trx, {
      runId: run.id,
      draftId: run.draftId,
      caseId: args.caseId,
      decisionId: args.decisionId,
      subjectId: args.subjectId,
      live,
      shadow,
      at,
    });
    recorded++;
  }
  return recorded;
}

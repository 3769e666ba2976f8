import { PRESENCE_CHANGED, PRESENCE_TIMEOUT_MS, type PresenceOutput } from '../../shared/api/presence';
import { notFound } from '../../shared/errors/deskError';
import { casesRepo } from '../db/repositories/cases.repo';
import { type CaseViewer, presenceRepo } from '../db/repositories/presence.repo';
import type { CaseRow } from '../db/tables/cases.table';
import { actingUserId, type ServiceContext } from './serviceContext';

/** Rows quiet for this long are deleted, not just ignored. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * Presence on a case page: who else has it open, and who is drafting a decision on it, so two
 * reviewers learn of each other before they both decide (the version check still refuses the
 * second decision; this is the warning that comes first).
 *
 * Not audited: opening a page changes nothing on record, and the audit trail is the record of
 * what staff did to cases (revealing personal data, which is, is audited where it happens).
 * A change in who is there is pushed to the other viewers on the live-update stream as
 * `presence`, which crosses instances like every other live update.
 */
export async function heartbeat(
  ctx: ServiceContext,
  input: { caseId: number; editing: boolean },
): Promise<PresenceOutput> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  const quietBefore = quietSince(now);
  const { c, changed, viewers } = await ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    const beat = await presenceRepo.beat(trx, { ...input, userId, at: now.toISOString(), quietBefore });
    await presenceRepo.forgetQuiet(trx, new Date(now.getTime() - FORGET_AFTER_MS).toISOString());
    const viewers = await presenceRepo.active(trx, input.caseId, quietBefore);
    return { c, changed: beat.joined || beat.editingChanged, viewers };
  });
  if (changed) announce(ctx, c, now);
  return othersThan(viewers, userId);
}

/** The page closed: others stop seeing the caller at once instead of after the timeout. */
export async function leave(ctx: ServiceContext, input: { caseId: number }): Promise<{ ok: true }> {
  const userId = actingUserId(ctx);
  const c = await casesRepo.find(ctx.db, input.caseId);
  if (!c) throw notFound('case', input.caseId);
  if (await presenceRepo.leave(ctx.db, input.caseId, userId)) announce(ctx, c, ctx.clock.now());
  return { ok: true };
}

/** Who else has the case open, without saying the caller is there. */
export async function viewersOf(ctx: ServiceContext, input: { caseId: number }): Promise<PresenceOutput> {
  const userId = actingUserId(ctx);
  const viewers = await presenceRepo.active(ctx.db, input.caseId, quietSince(ctx.clock.now()));
  return othersThan(viewers, userId);
}

/** Viewers heard from after this instant are still there. */
const quietSince = (now: Date) => new Date(now.getTime() - PRESENCE_TIMEOUT_MS).toISOString();

/** The viewers as the API shows them: never the caller, and without the heartbeat time. */
const othersThan = (viewers: CaseViewer[], userId: number): PresenceOutput => ({
  viewers: viewers.filter((v) => v.userId !== userId).map(({ seenAt: _, ...v }) => v),
});

function announce(ctx: ServiceContext, c: CaseRow, now: Date) {
  ctx.bus.publish({
    caseId: c.id,
    action: PRESENCE_CHANGED,
    status: c.status,
    assigneeId: c.assignee_id,
    version: c.version,
    at: now.toISOString(),
  });
}

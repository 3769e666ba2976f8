import type { z } from 'zod';
import { SAVED_VIEWS_MAX, type SavedView, type viewSaveInput } from '../../shared/api/views';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { queuesRepo } from '../db/repositories/queues.repo';
import { type StoredView, savedViewsRepo } from '../db/repositories/savedViews.repo';
import { retryOnRace } from '../db/retryOnRace';
import { actingUserId, type ServiceContext } from './serviceContext';

const asSeenBy =
  (userId: number) =>
  (v: StoredView): SavedView => ({ ...v, mine: v.ownerId === userId });

/** `views.list`: the caller's own views, then those shared with their queues. */
export async function listViews(db: Executor, userId: number): Promise<SavedView[]> {
  const views = (await savedViewsRepo.visibleTo(db, userId)).map(asSeenBy(userId));
  return [...views.filter((v) => v.mine), ...views.filter((v) => !v.mine)];
}

/**
 * `views.save`: keeps the queue's filters under a name, audited as `view.saved`. A name the
 * caller already uses is replaced (its sharing stays), so saving again is how a view is
 * updated; two saves of one name at once end as one view (unique index, retried).
 */
export function saveView(ctx: ServiceContext, input: z.output<typeof viewSaveInput>): Promise<SavedView> {
  const userId = actingUserId(ctx);
  return retryOnRace(() =>
    ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const at = now.toISOString();
      const existing = await savedViewsRepo.findByName(trx, userId, input.name);
      if (!existing && (await savedViewsRepo.countOwnedBy(trx, userId)) >= SAVED_VIEWS_MAX)
        throw new DeskError('BAD_REQUEST', 'too_many_views', `at most ${SAVED_VIEWS_MAX} saved views`, {
          field: 'name',
        });
      const id = existing?.id ?? (await savedViewsRepo.insert(trx, userId, input.name, input.state, at));
      if (existing) await savedViewsRepo.replaceState(trx, existing.id, input.state, at);
      await recordEvent(
        trx,
        ctx.audit,
        {
          action: 'view.saved',
          target: { type: 'saved_view', id },
          data: {
            name: input.name,
            sharedQueue: existing?.sharedQueue ?? null,
            state: input.state,
            replaced: Boolean(existing),
          },
        },
        now,
      );
      const saved = await savedViewsRepo.find(trx, id);
      if (!saved) throw notFound('view', id);
      return asSeenBy(userId)(saved);
    }),
  );
}

/**
 * `views.share` (leads): members of `queue` see the view in their list; null shares it with
 * no one again. Only the view's owner shares it. Audited as `view.shared`.
 */
export async function shareView(ctx: ServiceContext, input: { id: number; queue: string | null }): Promise<SavedView> {
  const userId = actingUserId(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const view = await ownView(trx, userId, input.id);
    if (input.queue !== null && !(await queuesRepo.find(trx, input.queue))) throw notFound('queue', input.queue);
    const now = ctx.clock.now();
    await savedViewsRepo.share(trx, view.id, input.queue, now.toISOString());
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'view.shared',
        target: { type: 'saved_view', id: view.id },
        data: { name: view.name, sharedQueue: input.queue, previousQueue: view.sharedQueue },
      },
      now,
    );
    return { ...view, sharedQueue: input.queue, updatedAt: now.toISOString(), mine: true };
  });
}

/** `views.delete`: the owner removes their view (a shared one leaves its queue's lists too). Audited as `view.deleted`. */
export async function deleteView(ctx: ServiceContext, input: { id: number }): Promise<{ ok: true }> {
  const userId = actingUserId(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const view = await ownView(trx, userId, input.id);
    await savedViewsRepo.delete(trx, view.id);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'view.deleted',
        target: { type: 'saved_view', id: view.id },
        data: { name: view.name, sharedQueue: view.sharedQueue },
      },
      ctx.clock.now(),
    );
    return { ok: true as const };
  });
}

/** Someone else's view is "not found" to the caller: whether it exists is not theirs to learn. */
async function ownView(db: Executor, userId: number, id: number): Promise<StoredView> {
  const view = await savedViewsRepo.find(db, id);
  if (!view || view.ownerId !== userId) throw notFound('view', id);
  return view;
}

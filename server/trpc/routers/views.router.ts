import { z } from 'zod';
import { savedView, viewSaveInput } from '../../../shared/api/views';
import { deleteView, listViews, saveView, shareView } from '../../services/views.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

const viewId = z.number().int().positive();

/** Saved queue views: each person's named filters, and those a lead shares with a queue. */
export const viewsRouter = router({
  list: permittedProcedure('cases.read')
    .output(z.array(savedView))
    .query(({ ctx }) => listViews(ctx.db, ctx.user.id)),

  /** Saves (or, under a name already used, replaces) a view; audited as `view.saved`. */
  save: permittedProcedure('cases.read')
    .input(viewSaveInput)
    .output(savedView)
    .mutation(({ ctx, input }) => saveView(serviceContext(ctx), input)),

  /** Shares one's view with a queue's members, or with no one (`queue: null`); audited as `view.shared`. */
  share: permittedProcedure('queues.manage')
    .input(z.object({ id: viewId, queue: z.string().min(1).max(64).nullable() }))
    .output(savedView)
    .mutation(({ ctx, input }) => shareView(serviceContext(ctx), input)),

  /** Audited as `view.deleted`. */
  delete: permittedProcedure('cases.read')
    .input(z.object({ id: viewId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteView(serviceContext(ctx), input)),
});

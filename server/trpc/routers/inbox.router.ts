import { inboxListInput, inboxListOutput, inboxMarkReadInput, inboxMarkReadOutput } from '../../../shared/api/notes';
import { listInbox, markInboxRead } from '../../services/inbox.service';
import { permittedProcedure, router } from '../trpc';

/** The signed-in person's mentions in notes (the bell in the app bar). */
export const inboxRouter = router({
  list: permittedProcedure('cases.read')
    .input(inboxListInput)
    .output(inboxListOutput)
    .query(({ ctx, input }) => listInbox(ctx.db, ctx.user.id, input ?? {})),

  /** Marks one's own items read (all of them without `ids`); not audited: nobody else sees it. */
  markRead: permittedProcedure('cases.read')
    .input(inboxMarkReadInput)
    .output(inboxMarkReadOutput)
    .mutation(({ ctx, input }) => markInboxRead(ctx, ctx.user.id, input.ids)),

  /**
   * Live: a ping whenever a note mentions the signed-in person, on any instance (the case
   * change bus carries it, over PostgreSQL's NOTIFY where there are several).
   */
  changes: permittedProcedure('cases.read').subscription(async function* ({ ctx, signal }) {
    for await (const change of ctx.bus.subscribe(signal)) {
      if (change.mentioned?.includes(ctx.user.id)) yield { at: change.at };
    }
  }),
});

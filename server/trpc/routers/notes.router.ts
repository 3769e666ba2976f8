import { z } from 'zod';
import {
  notesAddInput,
  notesAddOutput,
  notesEditInput,
  notesEditOutput,
  notesListInput,
  notesListOutput,
} from '../../../shared/api/notes';
import { can } from '../../../shared/auth/roles';
import { addNote, editNote, listNotes } from '../../services/notes.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Internal notes on cases and subjects: staff only, never a token scope (they never leave the desk). */
export const notesRouter = router({
  /** Adds a note (audited as `note.added`); mentions of staff who can see the target reach their inbox. */
  add: permittedProcedure('notes.write')
    .input(notesAddInput)
    .output(notesAddOutput)
    .mutation(({ ctx, input }) => addNote(serviceContext(ctx), input)),

  /** The author's correction within ten minutes of writing (audited as `note.edited`, before and after). */
  edit: permittedProcedure('notes.write')
    .input(notesEditInput)
    .output(notesEditOutput)
    .mutation(({ ctx, input }) => editNote(serviceContext(ctx), input)),

  /** A case's or a subject's notes, oldest first. */
  list: permittedProcedure('cases.read')
    .input(notesListInput)
    .output(notesListOutput)
    .query(({ ctx, input }) => listNotes(ctx, input.target)),

  /** Who a note can mention (the editor's autocomplete): active staff whose role reads cases. */
  mentionable: permittedProcedure('notes.write')
    .output(z.array(z.object({ id: z.number(), username: z.string(), name: z.string() })))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'role'])
        .where('disabled_at', 'is', null)
        .orderBy('username')
        .execute();
      return rows
        .filter((u) => can(u.role, 'cases.read'))
        .map((u) => ({ id: u.id, username: u.username, name: u.display_name }));
    }),
});

import { z } from 'zod';
import {
  tagApplyInput,
  tagCreateInput,
  tagTarget,
  tagUpdateInput,
  tagView,
  targetTagsOutput,
} from '../../../shared/api/tags';
import { addTag, createTag, listTags, removeTag, tagsOf, updateTag } from '../../services/tags.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Tags on cases and subjects, and the vocabulary leads keep. */
export const tagsRouter = router({
  /** Every tag, retired ones included (flagged): the chips name them, pickers offer the others. */
  list: permittedProcedure('cases.read')
    .output(z.array(tagView))
    .query(({ ctx }) => listTags(ctx.db)),

  /** The tags on one case or subject. */
  on: permittedProcedure('cases.read')
    .input(z.object({ target: tagTarget }))
    .output(targetTagsOutput)
    .query(async ({ ctx, input }) => ({ tagIds: await tagsOf(ctx.db, input.target) })),

  /** Audited as `tag.created`. */
  create: permittedProcedure('tags.manage')
    .input(tagCreateInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createTag(serviceContext(ctx), input)),

  /** Rename, recolour, retire or restore; audited as `tag.updated`. */
  update: permittedProcedure('tags.manage')
    .input(tagUpdateInput)
    .output(tagView)
    .mutation(({ ctx, input }) => updateTag(serviceContext(ctx), input)),

  /** Audited as `tag.applied` on the case or subject. */
  add: permittedProcedure('tags.apply')
    .input(tagApplyInput)
    .output(z.object({ applied: z.boolean() }))
    .mutation(({ ctx, input }) => addTag(serviceContext(ctx), input)),

  /** Audited as `tag.removed` on the case or subject. */
  remove: permittedProcedure('tags.apply')
    .input(tagApplyInput)
    .output(z.object({ removed: z.boolean() }))
    .mutation(({ ctx, input }) => removeTag(serviceContext(ctx), input)),
});

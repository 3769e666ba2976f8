import { z } from 'zod';

/** Longest tag name, in either language: a chip, not a sentence. */
export const TAG_NAME_MAX = 20;
/** Most tags one case or subject may carry, and one queue filter may name. */
export const TAGS_PER_TARGET_MAX = 20;

/** A tag's id: a slug of its English name, fixed when the tag is created. */
export const TAG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const tagId = z.string().regex(TAG_ID_PATTERN, 'a tag id: lowercase letters, digits and "-"');

const tagName = z.string().trim().min(1).max(TAG_NAME_MAX);
/** `#rrggbb`: the chip's border and dot. */
export const tagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .transform((c) => c.toLowerCase());

export const tagCreateInput = z.object({ nameZh: tagName, nameEn: tagName, color: tagColor });

/** Rename, recolour, retire (`retired: true`) or bring back (`retired: false`); what is left out stays. */
export const tagUpdateInput = z.object({
  id: tagId,
  nameZh: tagName.optional(),
  nameEn: tagName.optional(),
  color: tagColor.optional(),
  retired: z.boolean().optional(),
});

export const tagView = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  color: z.string(),
  retired: z.boolean(),
});
export type TagView = z.infer<typeof tagView>;

/** What a tag is put on: a case, or a subject (every case about it shows it). */
export const tagTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case'), id: z.number().int().positive() }),
  z.object({ type: z.literal('subject'), id: z.string().trim().min(1).max(64) }),
]);
export type TagTarget = z.infer<typeof tagTarget>;

export const tagApplyInput = z.object({ target: tagTarget, tagId });

/** The ids of the tags a target carries, in the order they were put on. */
export const targetTagsOutput = z.object({ tagIds: z.array(z.string()) });

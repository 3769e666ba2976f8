import type { z } from 'zod';
import {
  TAGS_PER_TARGET_MAX,
  type TagTarget,
  type TagView,
  type tagApplyInput,
  type tagCreateInput,
  type tagUpdateInput,
} from '../../shared/api/tags';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { type Tag, tagsRepo } from '../db/repositories/tags.repo';
import { retryOnRace } from '../db/retryOnRace';
import { actingUserId, type ServiceContext } from './serviceContext';

/** The whole vocabulary, retired tags included (they still show where they were put on). */
export function listTags(db: Executor): Promise<TagView[]> {
  return tagsRepo.list(db);
}

/** The ids of the tags a case or subject carries. */
export function tagsOf(db: Executor, target: TagTarget): Promise<string[]> {
  return tagsRepo.ofTarget(db, target);
}

/** `tags.create` (leads): a new word of the vocabulary, audited as `tag.created`. */
export function createTag(ctx: ServiceContext, input: z.output<typeof tagCreateInput>): Promise<{ id: string }> {
  // Two leads creating the same name at once: the loser's unique index fails on PostgreSQL,
  // and its second run finds the winner's tag and refuses the name.
  return retryOnRace(() =>
    ctx.db.transaction().execute(async (trx) => {
      await refuseTakenName(trx, input);
      const id = await freeTagId(trx, input.nameEn);
      const now = ctx.clock.now();
      await tagsRepo.insert(trx, { id, ...input }, now.toISOString());
      await recordEvent(trx, ctx.audit, { action: 'tag.created', target: { type: 'tag', id }, data: input }, now);
      return { id };
    }),
  );
}

/** `tags.update` (leads): rename, recolour, retire or bring back; audited as `tag.updated` with before and after. */
export function updateTag(ctx: ServiceContext, input: z.output<typeof tagUpdateInput>): Promise<TagView> {
  return retryOnRace(() =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await tagsRepo.find(trx, input.id);
      if (!before) throw notFound('tag', input.id);
      await refuseTakenName(trx, input, before.id);
      const after: Tag = {
        id: before.id,
        nameZh: input.nameZh ?? before.nameZh,
        nameEn: input.nameEn ?? before.nameEn,
        color: input.color ?? before.color,
        retired: input.retired ?? before.retired,
      };
      const now = ctx.clock.now();
      await tagsRepo.update(trx, after, now.toISOString());
      const { id: _before, ...was } = before;
      const { id: _after, ...is } = after;
      await recordEvent(
        trx,
        ctx.audit,
        { action: 'tag.updated', target: { type: 'tag', id: before.id }, data: { before: was, after: is } },
        now,
      );
      return after;
    }),
  );
}

/**
 * `tags.add`: puts a tag on a case or subject, audited as `tag.applied` on that target. A tag
 * already there is left as it is (`applied: false`, no event), so parallel clicks make one row.
 */
export async function addTag(
  ctx: ServiceContext,
  input: z.output<typeof tagApplyInput>,
): Promise<{ applied: boolean }> {
  const userId = actingUserId(ctx);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const tag = await tagsRepo.find(trx, input.tagId);
    if (!tag) throw notFound('tag', input.tagId);
    const target = await findTarget(trx, input.target);
    const carried = await tagsRepo.ofTarget(trx, input.target);
    if (carried.includes(tag.id)) return { applied: false, target };
    if (tag.retired) throw new DeskError('BAD_REQUEST', 'tag_retired', `tag ${tag.id} is retired`, { field: 'tagId' });
    if (carried.length >= TAGS_PER_TARGET_MAX)
      throw new DeskError('BAD_REQUEST', 'invalid_input', `at most ${TAGS_PER_TARGET_MAX} tags on one target`, {
        field: 'tagId',
      });
    const now = ctx.clock.now();
    const applied = await tagsRepo.apply(trx, input.target, tag.id, userId, now.toISOString());
    if (applied) await recordTagEvent(trx, ctx, 'tag.applied', input.target, tag, now);
    return { applied, target };
  });
  if (outcome.applied) publishCaseTagChange(ctx, outcome.target, 'tag.applied');
  return { applied: outcome.applied };
}

/** `tags.remove`: takes a tag off a case or subject, audited as `tag.removed`; absent already: `removed: false`. */
export async function removeTag(
  ctx: ServiceContext,
  input: z.output<typeof tagApplyInput>,
): Promise<{ removed: boolean }> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const tag = await tagsRepo.find(trx, input.tagId);
    if (!tag) throw notFound('tag', input.tagId);
    const target = await findTarget(trx, input.target);
    const removed = await tagsRepo.remove(trx, input.target, tag.id);
    const now = ctx.clock.now();
    if (removed) await recordTagEvent(trx, ctx, 'tag.removed', input.target, tag, now);
    return { removed, target };
  });
  if (outcome.removed) publishCaseTagChange(ctx, outcome.target, 'tag.removed');
  return { removed: outcome.removed };
}

type FoundTarget =
  | { type: 'case'; id: number; status: string; assigneeId: number | null; version: number }
  | { type: 'subject'; id: string };

async function findTarget(db: Executor, target: TagTarget): Promise<FoundTarget> {
  if (target.type === 'case') {
    const c = await casesRepo.find(db, target.id);
    if (!c) throw notFound('case', target.id);
    return { type: 'case', id: c.id, status: c.status, assigneeId: c.assignee_id, version: c.version };
  }
  const subject = await subjectsRepo.find(db, target.id);
  if (!subject) throw notFound('subject', target.id);
  return { type: 'subject', id: subject.id };
}

function recordTagEvent(
  trx: Parameters<typeof recordEvent>[0],
  ctx: ServiceContext,
  action: 'tag.applied' | 'tag.removed',
  target: TagTarget,
  tag: Tag,
  now: Date,
) {
  return recordEvent(
    trx,
    ctx.audit,
    { action, target, data: { tagId: tag.id, nameZh: tag.nameZh, nameEn: tag.nameEn } },
    now,
  );
}

/** Open queues and case pages refresh the case's chips, on every instance (after commit). */
function publishCaseTagChange(ctx: ServiceContext, target: FoundTarget, action: string) {
  if (target.type !== 'case') return;
  ctx.bus.publish({
    caseId: target.id,
    action,
    status: target.status,
    assigneeId: target.assigneeId,
    version: target.version,
    at: ctx.clock.now().toISOString(),
  });
}

async function refuseTakenName(db: Executor, names: { nameZh?: string; nameEn?: string }, except?: string) {
  const taken = await tagsRepo.findByName(db, names, except);
  if (!taken) return;
  const field = names.nameZh !== undefined && taken.nameZh === names.nameZh ? 'nameZh' : 'nameEn';
  throw new DeskError('CONFLICT', 'tag_name_taken', `tag ${taken.id} already has that name`, { field });
}

/** A slug of the English name ("Media attention" → `media-attention`), numbered if taken. */
async function freeTagId(db: Executor, nameEn: string): Promise<string> {
  const base =
    nameEn
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32)
      .replace(/-+$/, '') || 'tag';
  const taken = await tagsRepo.idsStartingWith(db, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

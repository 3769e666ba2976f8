import type { Executor } from '../database';
import type { TagRow } from '../tables/tags.table';

export type TagTargetRef = { type: 'case'; id: number } | { type: 'subject'; id: string };

/** A tag with its row's columns renamed for services: decoded here and nowhere else. */
export interface Tag {
  id: string;
  nameZh: string;
  nameEn: string;
  color: string;
  retired: boolean;
}

const decode = (row: TagRow): Tag => ({
  id: row.id,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  color: row.color,
  retired: row.retired_at !== null,
});

export const tagsRepo = {
  async list(db: Executor): Promise<Tag[]> {
    const rows = await db.selectFrom('tags').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(decode);
  },

  async find(db: Executor, id: string): Promise<Tag | undefined> {
    const row = await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decode(row);
  },

  /** A tag other than `except` already called `nameZh` or (in any case) `nameEn`. */
  async findByName(db: Executor, names: { nameZh?: string; nameEn?: string }, except?: string) {
    const { nameZh, nameEn } = names;
    if (nameZh === undefined && nameEn === undefined) return undefined;
    const row = await db
      .selectFrom('tags')
      .selectAll()
      .where((eb) =>
        eb.or([
          ...(nameZh === undefined ? [] : [eb('name_zh', '=', nameZh)]),
          ...(nameEn === undefined ? [] : [eb('name_en_key', '=', nameEn.toLowerCase())]),
        ]),
      )
      .$if(except !== undefined, (q) => q.where('id', '!=', except as string))
      .executeTakeFirst();
    return row && decode(row);
  },

  /** Ids already taken that start with `prefix`: to pick a free slug for a new tag. */
  async idsStartingWith(db: Executor, prefix: string): Promise<Set<string>> {
    const rows = await db.selectFrom('tags').select('id').where('id', 'like', `${prefix}%`).execute();
    return new Set(rows.map((r) => r.id));
  },

  async insert(db: Executor, tag: Omit<Tag, 'retired'>, at: string): Promise<void> {
    await db
      .insertInto('tags')
      .values({
        id: tag.id,
        name_zh: tag.nameZh,
        name_en: tag.nameEn,
        name_en_key: tag.nameEn.toLowerCase(),
        color: tag.color,
        retired_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  },

  async update(db: Executor, tag: Tag, at: string): Promise<void> {
    const before = await db.selectFrom('tags').select('retired_at').where('id', '=', tag.id).executeTakeFirst();
    await db
      .updateTable('tags')
      .set({
        name_zh: tag.nameZh,
        name_en: tag.nameEn,
        name_en_key: tag.nameEn.toLowerCase(),
        color: tag.color,
        // Retired since the first time, not since the last edit.
        retired_at: tag.retired ? (before?.retired_at ?? at) : null,
        updated_at: at,
      })
      .where('id', '=', tag.id)
      .execute();
  },

  /** The tag ids a case or subject carries, in the order they were put on. */
  async ofTarget(db: Executor, target: TagTargetRef): Promise<string[]> {
    const rows =
      target.type === 'case'
        ? await db
            .selectFrom('case_tags')
            .select('tag_id')
            .where('case_id', '=', target.id)
            .orderBy('applied_at')
            .orderBy('tag_id')
            .execute()
        : await db
            .selectFrom('subject_tags')
            .select('tag_id')
            .where('subject_id', '=', target.id)
            .orderBy('applied_at')
            .orderBy('tag_id')
            .execute();
    return rows.map((r) => r.tag_id);
  },

  /**
   * Puts the tag on; false when it was already there. The primary key makes parallel
   * applications of one tag a single row: the losers insert nothing, on both dialects.
   */
  async apply(db: Executor, target: TagTargetRef, tagId: string, by: number | null, at: string): Promise<boolean> {
    const result =
      target.type === 'case'
        ? await db
            .insertInto('case_tags')
            .values({ case_id: target.id, tag_id: tagId, applied_by: by, applied_at: at })
            .onConflict((oc) => oc.columns(['case_id', 'tag_id']).doNothing())
            .executeTakeFirst()
        : await db
            .insertInto('subject_tags')
            .values({ subject_id: target.id, tag_id: tagId, applied_by: by, applied_at: at })
            .onConflict((oc) => oc.columns(['subject_id', 'tag_id']).doNothing())
            .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  /** Takes the tag off; false when it was not there. */
  async remove(db: Executor, target: TagTargetRef, tagId: string): Promise<boolean> {
    const result =
      target.type === 'case'
        ? await db
            .deleteFrom('case_tags')
            .where('case_id', '=', target.id)
            .where('tag_id', '=', tagId)
            .executeTakeFirst()
        : await db
            .deleteFrom('subject_tags')
            .where('subject_id', '=', target.id)
            .where('tag_id', '=', tagId)
            .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },

  async countOn(db: Executor, target: TagTargetRef): Promise<number> {
    return (await tagsRepo.ofTarget(db, target)).length;
  },

  /** Tags of a page of cases and of their subjects, in two reads whatever the page's size. */
  async ofCases(db: Executor, caseIds: number[], subjectIds: string[]) {
    const [cases, subjects] = await Promise.all([
      caseIds.length
        ? db
            .selectFrom('case_tags')
            .select(['case_id', 'tag_id'])
            .where('case_id', 'in', caseIds)
            .orderBy('applied_at')
            .orderBy('tag_id')
            .execute()
        : [],
      subjectIds.length
        ? db
            .selectFrom('subject_tags')
            .select(['subject_id', 'tag_id'])
            .where('subject_id', 'in', subjectIds)
            .orderBy('applied_at')
            .orderBy('tag_id')
            .execute()
        : [],
    ]);
    const byCase = new Map<number, string[]>();
    for (const r of cases) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.tag_id]);
    const bySubject = new Map<string, string[]>();
    for (const r of subjects) bySubject.set(r.subject_id, [...(bySubject.get(r.subject_id) ?? []), r.tag_id]);
    return { byCase, bySubject };
  },
};

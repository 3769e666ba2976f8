import type { NoteTargetType } from '../../../shared/notes/noteTarget';
import type { Executor } from '../database';

/** One mention of the inbox's owner, with the note it is in and who wrote it. */
export interface InboxRow {
  id: number;
  note_id: number;
  created_at: string;
  read_at: string | null;
  target_type: NoteTargetType;
  target_id: string;
  text: string;
  author_id: number;
  author_username: string;
  author_name: string;
}

/** A person's mentions (`note_mentions` rows are their inbox items). */
export const inboxRepo = {
  list(db: Executor, userId: number, options: { unreadOnly: boolean; limit: number }): Promise<InboxRow[]> {
    return db
      .selectFrom('note_mentions')
      .innerJoin('notes', 'notes.id', 'note_mentions.note_id')
      .innerJoin('users', 'users.id', 'notes.author_id')
      .select([
        'note_mentions.id',
        'note_mentions.note_id',
        'note_mentions.created_at',
        'note_mentions.read_at',
        'notes.target_type',
        'notes.target_id',
        'notes.text',
        'notes.author_id',
        'users.username as author_username',
        'users.display_name as author_name',
      ])
      .where('note_mentions.user_id', '=', userId)
      .$if(options.unreadOnly, (q) => q.where('note_mentions.read_at', 'is', null))
      .orderBy('note_mentions.id', 'desc')
      .limit(options.limit)
      .execute();
  },

  async unreadCount(db: Executor, userId: number): Promise<number> {
    const row = await db
      .selectFrom('note_mentions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks the owner's items read (all of them without `ids`); others' items are never touched. */
  async markRead(db: Executor, userId: number, ids: readonly number[] | undefined, at: string): Promise<void> {
    if (ids && !ids.length) return;
    await db
      .updateTable('note_mentions')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .$if(Boolean(ids), (q) => q.where('id', 'in', ids as number[]))
      .execute();
  },

  /** Titles of the targets the items are about: case summaries and subject names. */
  async titles(db: Executor, caseIds: number[], subjectIds: string[]) {
    const [cases, subjects] = await Promise.all([
      caseIds.length
        ? db.selectFrom('cases').select(['id', 'summary']).where('id', 'in', caseIds).execute()
        : Promise.resolve([]),
      subjectIds.length
        ? db.selectFrom('subjects').select(['id', 'name']).where('id', 'in', subjectIds).execute()
        : Promise.resolve([]),
    ]);
    return {
      cases: new Map(cases.map((c) => [c.id, c.summary])),
      subjects: new Map(subjects.map((s) => [s.id, s.name])),
    };
  },
};

import type { NoteTarget, NoteTargetType } from '../../../shared/notes/noteTarget';
import { noteTargetKey } from '../../../shared/notes/noteTarget';
import { searchDocumentOf } from '../../search/searchDocuments';
import { indexDocument } from '../../search/searchIndex';
import type { Executor } from '../database';
import { isPostgres } from '../migrations/helpers';
import type { NoteRow } from '../tables/notes.table';

/** A new note, or a new text for an existing one at the version the writer read. */
export type NoteWrite =
  | { kind: 'add'; target: NoteTarget; authorId: number; text: string; at: string }
  | { kind: 'edit'; id: number; text: string; expectedVersion: number; at: string };

export interface NoteWithAuthor extends NoteRow {
  author_username: string;
  author_name: string;
}

export interface MentionedStaff {
  note_id: number;
  user_id: number;
  username: string;
  display_name: string;
}

const withAuthor = (db: Executor) =>
  db
    .selectFrom('notes')
    .innerJoin('users', 'users.id', 'notes.author_id')
    .selectAll('notes')
    .select(['users.username as author_username', 'users.display_name as author_name']);

export const notesRepo = {
  /**
   * Every write of a note's text goes through here, adding and editing alike, so whatever must
   * follow a note's text (a search index) is kept in step in one place, in the same transaction.
   * An edit is a compare-and-set on the version: null when another edit got there first.
   */
  async save<W extends NoteWrite>(
    db: Executor,
    write: W,
  ): Promise<W extends { kind: 'add' } ? NoteRow : NoteRow | null> {
    type Saved = W extends { kind: 'add' } ? NoteRow : NoteRow | null;
    if (write.kind === 'add') {
      const added: NoteRow = await db
        .insertInto('notes')
        .values({
          target_type: write.target.type,
          target_id: noteTargetKey(write.target),
          author_id: write.authorId,
          text: write.text,
          version: 1,
          created_at: write.at,
          updated_at: write.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await indexDocument(db, searchDocumentOf.note(added));
      return added as Saved;
    }
    const row = await db
      .updateTable('notes')
      .set({ text: write.text, version: write.expectedVersion + 1, updated_at: write.at })
      .where('id', '=', write.id)
      .where('version', '=', write.expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (row) await indexDocument(db, searchDocumentOf.note(row));
    return (row ?? null) as Saved;
  },

  /** The note, locked on PostgreSQL until the transaction ends (SQLite writers take turns anyway). */
  lock(db: Executor, id: number): Promise<NoteRow | undefined> {
    return db
      .selectFrom('notes')
      .selectAll()
      .where('id', '=', id)
      .$if(isPostgres(db), (q) => q.forUpdate())
      .executeTakeFirst();
  },

  find(db: Executor, id: number): Promise<NoteWithAuthor | undefined> {
    return withAuthor(db).where('notes.id', '=', id).executeTakeFirst();
  },

  /** A target's latest 500 notes, oldest first (they read as a thread). */
  async listFor(db: Executor, type: NoteTargetType, targetId: string): Promise<NoteWithAuthor[]> {
    const latest = await withAuthor(db)
      .where('notes.target_type', '=', type)
      .where('notes.target_id', '=', targetId)
      .orderBy('notes.id', 'desc')
      .limit(500)
      .execute();
    return latest.reverse();
  },

  /** Records who a note mentions (each an inbox item); a person already mentioned is kept as is. */
  async addMentions(db: Executor, noteId: number, userIds: readonly number[], at: string): Promise<void> {
    if (!userIds.length) return;
    await db
      .insertInto('note_mentions')
      .values(userIds.map((userId) => ({ note_id: noteId, user_id: userId, created_at: at, read_at: null })))
      .onConflict((oc) => oc.columns(['note_id', 'user_id']).doNothing())
      .execute();
  },

  mentionsOf(db: Executor, noteIds: readonly number[]): Promise<MentionedStaff[]> {
    if (!noteIds.length) return Promise.resolve([]);
    return db
      .selectFrom('note_mentions')
      .innerJoin('users', 'users.id', 'note_mentions.user_id')
      .select(['note_mentions.note_id', 'note_mentions.user_id', 'users.username', 'users.display_name'])
      .where('note_mentions.note_id', 'in', noteIds)
      .orderBy('note_mentions.id')
      .execute();
  },
};

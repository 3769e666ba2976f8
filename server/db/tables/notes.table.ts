import type { Generated, Insertable, Selectable } from 'kysely';
import type { NoteTargetType } from '../../../shared/notes/noteTarget';

/** An internal note on a case or a subject: staff only, never shown or sent to the subject. */
export interface NotesTable {
  id: Generated<number>;
  target_type: NoteTargetType;
  /** The case's id as text, or the subject's id. */
  target_id: string;
  author_id: number;
  text: string;
  /** 1 when written, one more with each edit (the compare-and-set of `notes.edit`). */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type NoteRow = Selectable<NotesTable>;
export type NewNoteRow = Insertable<NotesTable>;

/** A staff member a note mentions: also their inbox item, read once `read_at` is set. */
export interface NoteMentionsTable {
  id: Generated<number>;
  note_id: number;
  user_id: number;
  created_at: string;
  read_at: string | null;
}
export type NoteMentionRow = Selectable<NoteMentionsTable>;

import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../notes/limits';

/** `{type: "case", id: 12}` or `{type: "subject", id: "M-1001"}`. */
export const noteTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case'), id: z.number().int().positive() }),
  z.object({ type: z.literal('subject'), id: z.string().trim().min(1).max(64) }),
]);
export type NoteTargetInput = z.infer<typeof noteTarget>;

/** Markdown-light text (shared/notes/markdownLight.ts); outer blank space is dropped. */
export const noteText = z.string().trim().min(1).max(NOTE_MAX_LENGTH);

/** `notes.add` (contract): `{target, text}` → `{id}`. */
export const notesAddInput = z.object({ target: noteTarget, text: noteText });
export const notesAddOutput = z.object({ id: z.number() });

export const notesListInput = z.object({ target: noteTarget });

/** `notes.edit`: by its author, within ten minutes; `version` as read, else the current one. */
export const notesEditInput = z.object({
  id: z.number().int().positive(),
  text: noteText,
  version: z.number().int().positive().optional(),
});
export const notesEditOutput = z.object({ id: z.number(), version: z.number() });

const person = z.object({ id: z.number(), username: z.string(), name: z.string() });

export const noteView = z.object({
  id: z.number(),
  target: noteTarget,
  author: person,
  text: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** After this instant the note is frozen (the author can no longer edit it). */
  editableUntil: z.string(),
  /** Staff the note mentions who can see its target; any other @name is plain text. */
  mentions: z.array(person),
});
export type NoteView = z.infer<typeof noteView>;

export const notesListOutput = z.array(noteView);

/** `inbox.list`: the signed-in person's mentions, newest first. */
export const inboxListInput = z
  .object({
    unreadOnly: z.boolean().optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .optional();

export const inboxItem = z.object({
  id: z.number(),
  noteId: z.number(),
  target: noteTarget,
  /** The case's summary or the subject's name, to say what the note is about. */
  targetTitle: z.string().nullable(),
  author: person,
  /** The note's start, as plain text, for the menu. */
  excerpt: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxListOutput = z.object({ items: z.array(inboxItem), unread: z.number() });

/** Marks these items read, or every item when `ids` is left out. */
export const inboxMarkReadInput = z.object({ ids: z.array(z.number().int().positive()).max(100).optional() });
export const inboxMarkReadOutput = z.object({ unread: z.number() });

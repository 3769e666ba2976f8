import type { NoteTargetInput, NoteView } from '../../shared/api/notes';
import { can } from '../../shared/auth/roles';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { isNoteFrozen, noteEditableUntil } from '../../shared/notes/editWindow';
import { mentionedUsernames } from '../../shared/notes/markdownLight';
import { noteTargetKey } from '../../shared/notes/noteTarget';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { type MentionedStaff, type NoteWithAuthor, notesRepo } from '../db/repositories/notes.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import type { CaseChange } from '../events/changeBus';
import { actingUserId, type ServiceContext } from './serviceContext';

/**
 * Internal notes on a case or a subject. They are staff-only: nothing here feeds notices,
 * the outbox, the DSA statements or any token-scoped procedure, and no other use case reads
 * the `notes` table (test/integration/notesNeverLeave.test.ts checks every outward path).
 */

/** What the note is on, as it stands (null: it does not exist); the case row for live updates. */
async function targetState(db: Executor, target: NoteTargetInput) {
  if (target.type === 'case') {
    const c = await casesRepo.find(db, target.id);
    if (!c) throw notFound('case', target.id);
    return { caseRow: c };
  }
  if (!(await subjectsRepo.find(db, target.id))) throw notFound('subject', target.id);
  return { caseRow: null };
}

/**
 * The staff a text mentions who can see its target: active accounts whose role reads cases.
 * Anyone else (an unknown name, a disabled account, the author) stays plain text, unnotified.
 */
async function mentionable(db: Executor, text: string, authorId: number) {
  const usernames = mentionedUsernames(text);
  if (!usernames.length) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'role'])
    .where('username', 'in', usernames)
    .where('disabled_at', 'is', null)
    .execute();
  return rows
    .filter((u) => u.id !== authorId && can(u.role, 'cases.read'))
    .sort((a, b) => usernames.indexOf(a.username) - usernames.indexOf(b.username));
}

/**
 * The live update a note sends: a case note refreshes the case's views, a subject note the
 * open notes (as a change of no case, 0); the staff it mentions, their bells.
 */
function noteChange(
  caseRow: { id: number; status: string; assignee_id: number | null; version: number } | null,
  action: string,
  mentioned: number[],
  at: string,
): CaseChange {
  if (caseRow)
    return {
      caseId: caseRow.id,
      action,
      status: caseRow.status,
      assigneeId: caseRow.assignee_id,
      version: caseRow.version,
      at,
      mentioned,
    };
  return { caseId: 0, action, status: '', assigneeId: null, version: 0, at, mentioned };
}

/** `notes.add`: a note on a case or a subject; each staff member it mentions gets an inbox item. */
export async function addNote(
  ctx: ServiceContext,
  input: { target: NoteTargetInput; text: string },
): Promise<{ id: number }> {
  const authorId = actingUserId(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const { id, change } = await ctx.db.transaction().execute(async (trx) => {
    const { caseRow } = await targetState(trx, input.target);
    const note = await notesRepo.save(trx, {
      kind: 'add',
      target: input.target,
      authorId,
      text: input.text,
      at,
    });
    const mentioned = await mentionable(trx, input.text, authorId);
    await notesRepo.addMentions(
      trx,
      note.id,
      mentioned.map((u) => u.id),
      at,
    );
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'note.added',
        target: { type: input.target.type, id: noteTargetKey(input.target) },
        data: { noteId: note.id, text: input.text, mentioned: mentioned.map((u) => u.username) },
      },
      now,
    );
    return {
      id: note.id,
      change: noteChange(
        caseRow,
        'note.added',
        mentioned.map((u) => u.id),
        at,
      ),
    };
  });
  ctx.bus.publish(change);
  return { id };
}

/**
 * `notes.edit`: only by its author, only for ten minutes (the desk's clock), and only from the
 * version the author read: of parallel edits from one version, one wins and the others are
 * refused (`note_changed`), so no edit silently overwrites another. The audit event keeps the
 * text before and after. Names the edit newly mentions get an inbox item.
 */
export async function editNote(
  ctx: ServiceContext,
  input: { id: number; text: string; version?: number },
): Promise<{ id: number; version: number }> {
  const editorId = actingUserId(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const { result, change } = await ctx.db.transaction().execute(async (trx) => {
    const note = await notesRepo.lock(trx, input.id);
    if (!note) throw notFound('note', input.id);
    if (note.author_id !== editorId)
      throw new DeskError('FORBIDDEN', 'not_note_author', `note ${note.id} is not yours to edit`);
    if (isNoteFrozen(note.created_at, now))
      throw new DeskError(
        'FORBIDDEN',
        'note_frozen',
        `note ${note.id} is frozen since ${noteEditableUntil(note.created_at)}`,
        {
          editableUntil: noteEditableUntil(note.created_at),
        },
      );
    const expectedVersion = input.version ?? note.version;
    const conflict = () =>
      new DeskError(
        'CONFLICT',
        'note_changed',
        `note ${note.id} changed since you read it (now version ${note.version})`,
        {
          field: 'version',
          current: { version: note.version },
        },
      );
    if (expectedVersion !== note.version) throw conflict();
    if (input.text === note.text) return { result: { id: note.id, version: note.version }, change: null };
    const saved = await notesRepo.save(trx, { kind: 'edit', id: note.id, text: input.text, expectedVersion, at });
    if (!saved) throw conflict();
    const already = new Set((await notesRepo.mentionsOf(trx, [note.id])).map((m) => m.user_id));
    const mentioned = (await mentionable(trx, input.text, editorId)).filter((u) => !already.has(u.id));
    await notesRepo.addMentions(
      trx,
      note.id,
      mentioned.map((u) => u.id),
      at,
    );
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'note.edited',
        target: { type: note.target_type, id: note.target_id },
        data: {
          noteId: note.id,
          version: saved.version,
          before: note.text,
          after: input.text,
          mentioned: mentioned.map((u) => u.username),
        },
      },
      now,
    );
    const caseRow = note.target_type === 'case' ? await casesRepo.find(trx, Number(note.target_id)) : null;
    return {
      result: { id: note.id, version: saved.version },
      change: noteChange(
        caseRow ?? null,
        'note.edited',
        mentioned.map((u) => u.id),
        at,
      ),
    };
  });
  if (change) ctx.bus.publish(change);
  return result;
}

export function toNoteView(row: NoteWithAuthor, mentions: MentionedStaff[]): NoteView {
  return {
    id: row.id,
    target:
      row.target_type === 'case' ? { type: 'case', id: Number(row.target_id) } : { type: 'subject', id: row.target_id },
    author: { id: row.author_id, username: row.author_username, name: row.author_name },
    text: row.text,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editableUntil: noteEditableUntil(row.created_at),
    mentions: mentions
      .filter((m) => m.note_id === row.id)
      .map((m) => ({ id: m.user_id, username: m.username, name: m.display_name })),
  };
}

/** A target's notes, oldest first; an unknown target is NOT_FOUND rather than an empty list. */
export async function listNotes(ctx: { db: Executor }, target: NoteTargetInput): Promise<NoteView[]> {
  await targetState(ctx.db, target);
  return notesFor(ctx.db, target);
}

/** The notes on a target that is known to exist (the case page's detail reads them this way). */
export async function notesFor(db: Executor, target: NoteTargetInput): Promise<NoteView[]> {
  const rows = await notesRepo.listFor(db, target.type, noteTargetKey(target));
  const mentions = await notesRepo.mentionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toNoteView(r, mentions));
}

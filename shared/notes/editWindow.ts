/**
 * A note's author may correct it for ten minutes after writing it; then it is frozen, so what
 * colleagues read and relied on stays what was written (a later thought is a new note).
 */
export const NOTE_EDIT_WINDOW_MS = 10 * 60 * 1000;

/** The last instant the note may still be edited (ISO). */
export function noteEditableUntil(createdAt: string): string {
  return new Date(new Date(createdAt).getTime() + NOTE_EDIT_WINDOW_MS).toISOString();
}

export function isNoteFrozen(createdAt: string, now: Date): boolean {
  return now.getTime() > new Date(createdAt).getTime() + NOTE_EDIT_WINDOW_MS;
}

/** What a note can be written on: a case (its page and history) or a subject (its page). */
export const NOTE_TARGET_TYPES = ['case', 'subject'] as const;
export type NoteTargetType = (typeof NOTE_TARGET_TYPES)[number];

export interface NoteTarget {
  type: NoteTargetType;
  /** A case's id, or a subject's id. */
  id: number | string;
}

/** How a target is stored and audited: the case id as text, the subject id as it is. */
export const noteTargetKey = (target: NoteTarget) => String(target.id);

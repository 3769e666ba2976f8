import { z } from 'zod';
import { auditEvent, id } from './define';

/** Fields only the note events carry. */
const NOTE_FIELDS = {
  noteId: { zh: '备注编号', en: 'Note' },
  text: { zh: '备注内容', en: 'Note text' },
  mentioned: { zh: '提及的同事', en: 'Mentioned' },
  version: { zh: '版本', en: 'Version' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
};

/**
 * Internal notes on cases and subjects. The events carry the full text, so the trail keeps
 * every version of every note (the `notes` table keeps only the latest). Their target is the
 * note's case or subject, so a case note shows in the case's history.
 */
export const noteEvents = {
  'note.added': auditEvent(
    '添加内部备注',
    'Internal note added',
    z.strictObject({
      noteId: id,
      text: z.string(),
      /** Usernames of the staff the note mentions who can see its target (an inbox item each). */
      mentioned: z.array(z.string()),
    }),
    NOTE_FIELDS,
  ),
  'note.edited': auditEvent(
    '修改内部备注',
    'Internal note edited',
    z.strictObject({
      noteId: id,
      /** The version the edit made. */
      version: id,
      before: z.string(),
      after: z.string(),
      /** Staff the edit newly mentions (each gets an inbox item). */
      mentioned: z.array(z.string()),
    }),
    NOTE_FIELDS,
  ),
};

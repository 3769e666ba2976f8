/** The note text an audit event carries (`note.added`'s text, `note.edited`'s new text), for the case history. */
export function noteOfEvent(action: string, data: unknown): { text: string; mentioned: Set<string> } | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { text?: unknown; after?: unknown; mentioned?: unknown };
  const text = action === 'note.added' ? d.text : action === 'note.edited' ? d.after : undefined;
  if (typeof text !== 'string') return null;
  const mentioned = Array.isArray(d.mentioned) ? d.mentioned.filter((m): m is string => typeof m === 'string') : [];
  return { text, mentioned: new Set(mentioned) };
}

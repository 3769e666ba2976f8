/** The `@name` being typed just before the caret, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[^a-z0-9._-])@([a-z0-9._-]{0,39})$/i.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The text with the `@name` being typed replaced by a whole mention and a space, and the caret after it. */
export function insertMention(text: string, at: { start: number; query: string }, username: string) {
  const before = text.slice(0, at.start);
  const after = text.slice(at.start + 1 + at.query.length);
  const inserted = `@${username} `;
  return { text: `${before}${inserted}${after.replace(/^ /, '')}`, caret: before.length + inserted.length };
}

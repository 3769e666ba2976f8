import type { InboxItem } from '../../shared/api/notes';
import { notePlainText } from '../../shared/notes/markdownLight';
import type { Executor } from '../db/database';
import { inboxRepo } from '../db/repositories/inbox.repo';

/** How much of a note the inbox menu shows. */
const EXCERPT_LENGTH = 120;

/** The note's opening as one line of plain text (a link's text kept, its address dropped). */
function excerptOf(text: string): string {
  const plain = notePlainText(text);
  return plain.length > EXCERPT_LENGTH ? `${plain.slice(0, EXCERPT_LENGTH)}…` : plain;
}

/** `inbox.list`: the person's mentions, newest first, with how many are unread. */
export async function listInbox(
  db: Executor,
  userId: number,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ items: InboxItem[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    inboxRepo.list(db, userId, { unreadOnly: options.unreadOnly ?? false, limit: options.limit ?? 30 }),
    inboxRepo.unreadCount(db, userId),
  ]);
  const titles = await inboxRepo.titles(
    db,
    rows.filter((r) => r.target_type === 'case').map((r) => Number(r.target_id)),
    rows.filter((r) => r.target_type === 'subject').map((r) => r.target_id),
  );
  const items = rows.map(
    (r): InboxItem => ({
      id: r.id,
      noteId: r.note_id,
      target:
        r.target_type === 'case' ? { type: 'case', id: Number(r.target_id) } : { type: 'subject', id: r.target_id },
      targetTitle:
        (r.target_type === 'case' ? titles.cases.get(Number(r.target_id)) : titles.subjects.get(r.target_id)) ?? null,
      author: { id: r.author_id, username: r.author_username, name: r.author_name },
      excerpt: excerptOf(r.text),
      createdAt: r.created_at,
      readAt: r.read_at,
    }),
  );
  return { items, unread };
}

/**
 * `inbox.markRead`: one's own items only, so it is not audited (it changes nothing anyone else
 * sees); returns what is still unread.
 */
export async function markInboxRead(
  ctx: { db: Executor; clock: { now(): Date } },
  userId: number,
  ids: number[] | undefined,
): Promise<{ unread: number }> {
  await inboxRepo.markRead(ctx.db, userId, ids, ctx.clock.now().toISOString());
  return { unread: await inboxRepo.unreadCount(ctx.db, userId) };
}

import type { Executor } from '../database';
import type { NewSessionRow, SessionRow } from '../tables/sessions.table';
import type { UserRow } from '../tables/users.table';

export const sessionsRepo = {
  async insert(db: Executor, session: NewSessionRow): Promise<void> {
    await db.insertInto('sessions').values(session).execute();
  },
  /** The session and its user in one query: this runs on every request. */
  async findWithUser(db: Executor, id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select([
        'sessions.id as session_id',
        'sessions.created_at as session_created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.ip',
        'sessions.user_agent',
        'sessions.pending_mfa',
        'sessions.sign_in_method',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const {
      session_id,
      session_created_at,
      last_seen_at,
      expires_at,
      ip,
      user_agent,
      pending_mfa,
      sign_in_method,
      ...user
    } = row;
    return {
      session: {
        id: session_id,
        user_id: user.id,
        created_at: session_created_at,
        last_seen_at,
        expires_at,
        ip,
        user_agent,
        pending_mfa,
        sign_in_method,
      },
      user,
    };
  },
  async touch(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  },
  /** The second factor was answered: the session is fully signed in. */
  async completeMfa(db: Executor, id: string): Promise<void> {
    await db.updateTable('sessions').set({ pending_mfa: 0 }).where('id', '=', id).execute();
  },
  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  async deleteForUser(db: Executor, userId: number): Promise<number> {
    const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

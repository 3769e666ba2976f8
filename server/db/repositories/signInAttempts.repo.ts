import { type RawBuilder, sql } from 'kysely';
import { lockEnds } from '../../../shared/auth/signInLock';
import type { Executor } from '../database';

/**
 * The lock a reserved attempt sets, as one CASE over the failure count *before* this attempt:
 * both dialects evaluate SET expressions against the old row, so the count and the lock move
 * together in one statement, whatever other instances do at the same moment.
 */
function lockAfterReserving(column: RawBuilder<unknown>, now: Date): RawBuilder<string | null> {
  const ends = lockEnds(now);
  const [first] = ends;
  const last = ends[ends.length - 1];
  if (!first || !last) throw new Error('lock table is empty');
  const whens = ends.slice(0, -1).map((e) => sql`WHEN ${column} + 1 = ${sql.lit(e.failures)} THEN ${e.until}`);
  return sql<
    string | null
  >`CASE WHEN ${column} + 1 < ${sql.lit(first.failures)} THEN NULL ${sql.join(whens, sql` `)} ELSE ${last.until} END`;
}

/**
 * Sign-in attempts are reserved before the password is checked: the failure count goes up and
 * the lock it implies is set in one atomic statement, refused while a lock holds. Parallel
 * guesses (or guesses spread over several instances) each get their own count, so no more
 * than the free attempts ever reach the password check. A correct password then clears it.
 */
export const signInAttemptsRepo = {
  /** Reserves an attempt on a real account: its failure count after this attempt, or null while locked. */
  async reserveForUser(db: Executor, userId: number, now: Date): Promise<number | null> {
    const nowIso = now.toISOString();
    const row = await db
      .updateTable('users')
      .set({
        failed_logins: sql`failed_logins + 1`,
        locked_until: lockAfterReserving(sql.ref('failed_logins'), now),
      })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
      .returning('failed_logins')
      .executeTakeFirst();
    return row ? Number(row.failed_logins) : null;
  },

  /** The same for a name that is no account, so that it locks (and answers) like a real one. */
  async reserveForUnknown(db: Executor, username: string, now: Date): Promise<number | null> {
    const nowIso = now.toISOString();
    const row = await db
      .insertInto('login_attempts')
      .values({ username, failed_logins: 1, locked_until: null, updated_at: nowIso })
      .onConflict((oc) =>
        oc
          .column('username')
          .doUpdateSet({
            failed_logins: sql`login_attempts.failed_logins + 1`,
            locked_until: lockAfterReserving(sql.ref('login_attempts.failed_logins'), now),
            updated_at: nowIso,
          })
          .where((eb) =>
            eb.or([eb('login_attempts.locked_until', 'is', null), eb('login_attempts.locked_until', '<=', nowIso)]),
          ),
      )
      .returning('failed_logins')
      .executeTakeFirst();
    return row ? Number(row.failed_logins) : null;
  },

  async lockedUntilOfUser(db: Executor, userId: number): Promise<string | null> {
    const row = await db.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst();
    return row?.locked_until ?? null;
  },

  async lockedUntilOfUnknown(db: Executor, username: string): Promise<string | null> {
    const row = await db
      .selectFrom('login_attempts')
      .select('locked_until')
      .where('username', '=', username)
      .executeTakeFirst();
    return row?.locked_until ?? null;
  },

  /** A correct password: the count starts over. */
  async clearForUser(db: Executor, userId: number): Promise<void> {
    await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
  },
};

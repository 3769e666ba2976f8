import type { Executor } from '../database';
import type { NewUserRow, UserRow, UserUpdate } from '../tables/users.table';

export const usersRepo = {
  findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },
  /** `email` is stored lower-case; pass it so. */
  findByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  },
  findByOidcSubject(db: Executor, subject: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
  },
  findById(db: Executor, id: number): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(db: Executor, user: NewUserRow): Promise<number> {
    const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async update(db: Executor, id: number, changes: UserUpdate): Promise<void> {
    await db.updateTable('users').set(changes).where('id', '=', id).execute();
  },
  async count(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** Enabled accounts among these usernames (e.g. the demo staff), with their password hashes. */
  enabledByUsernames(db: Executor, usernames: readonly string[]) {
    return db
      .selectFrom('users')
      .select(['username', 'role', 'password_hash'])
      .where('username', 'in', [...usernames])
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute();
  },
};

import type { Insertable } from 'kysely';
import type { Executor } from '../database';
import type { StaffGrantRow, StaffGrantsTable } from '../tables/staffGrants.table';

export const staffGrantsRepo = {
  async insert(db: Executor, grant: Insertable<StaffGrantsTable>): Promise<number> {
    const row = await db.insertInto('staff_grants').values(grant).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  findById(db: Executor, id: number): Promise<StaffGrantRow | undefined> {
    return db.selectFrom('staff_grants').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listPending(db: Executor): Promise<StaffGrantRow[]> {
    return db.selectFrom('staff_grants').selectAll().where('status', '=', 'pending').orderBy('id').execute();
  },
  /** A pending grant for this account or name, if any: one request at a time per person. */
  findPendingFor(db: Executor, target: { userId?: number; username: string }): Promise<StaffGrantRow | undefined> {
    return db
      .selectFrom('staff_grants')
      .selectAll()
      .where('status', '=', 'pending')
      .where((eb) =>
        target.userId === undefined
          ? eb('username', '=', target.username)
          : eb.or([eb('user_id', '=', target.userId), eb('username', '=', target.username)]),
      )
      .executeTakeFirst();
  },
  /** Decides a grant only if it is still pending: of two admins deciding at once, one wins. */
  async decide(
    db: Executor,
    id: number,
    decision: { status: 'approved' | 'rejected'; decided_by: number; decided_at: string; user_id?: number },
  ): Promise<boolean> {
    const result = await db
      .updateTable('staff_grants')
      .set({ ...decision, password_hash: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};

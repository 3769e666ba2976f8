import { sql } from 'kysely';
import type { Executor } from '../database';

export const reportersRepo = {
  find(db: Executor, id: string) {
    return db.selectFrom('reporters').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Counts one more report (or outcome) for a reporter, creating the row on first sight. */
  async bump(db: Executor, id: string, field: 'submitted' | 'upheld' | 'dismissed'): Promise<void> {
    await db
      .insertInto('reporters')
      .values({ id, [field]: 1 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ [field]: sql`reporters.${sql.ref(field)} + 1` }))
      .execute();
  },
};

import { sql } from 'kysely';
import type { ReporterLocale } from '../../../shared/api/messages';
import type { Executor } from '../database';

export const reportersRepo = {
  find(db: Executor, id: string) {
    return db.selectFrom('reporters').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findMany(db: Executor, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('reporters').selectAll().where('id', 'in', ids).execute();
  },
  /** Counts one more report (or outcome) for a reporter, creating the row on first sight. */
  async bump(db: Executor, id: string, field: 'submitted' | 'upheld' | 'dismissed'): Promise<void> {
    await db
      .insertInto('reporters')
      .values({ id, [field]: 1 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ [field]: sql`reporters.${sql.ref(field)} + 1` }))
      .execute();
  },
  /** The language the reporter last asked for: their outcome notices are written in it. */
  async setLocale(db: Executor, id: string, locale: ReporterLocale): Promise<void> {
    await db.updateTable('reporters').set({ locale }).where('id', '=', id).execute();
  },
  async setMute(
    db: Executor,
    id: string,
    mute: { muted_at: string; muted_by: number; mute_reason: string } | null,
  ): Promise<void> {
    await db
      .updateTable('reporters')
      .set(mute ?? { muted_at: null, muted_by: null, mute_reason: null })
      .where('id', '=', id)
      .execute();
  },
  /** Reporters with decided reports, the least reliable first (most dismissed, then fewest upheld). */
  list(db: Executor, limit: number) {
    return db
      .selectFrom('reporters')
      .selectAll()
      .orderBy('dismissed', 'desc')
      .orderBy('upheld')
      .orderBy('id')
      .limit(limit)
      .execute();
  },
};

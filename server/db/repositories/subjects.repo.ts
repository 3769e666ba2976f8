import type { PlatformId } from '../../../shared/rulebook/platforms';
import type { Executor } from '../database';
import type { NewSubjectRow, SubjectRow } from '../tables/subjects.table';
import { decodePlatform } from './platformColumn';

export const subjectsRepo = {
  async find(db: Executor, id: string): Promise<SubjectRow | undefined> {
    const row = await db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...row, platform: decodePlatform(row.platform) };
  },
  /** The platform `id` trades on, or undefined for a subject the desk has never seen. */
  async platformOf(db: Executor, id: string): Promise<PlatformId | undefined> {
    const row = await db.selectFrom('subjects').select('platform').where('id', '=', id).executeTakeFirst();
    return row && decodePlatform(row.platform);
  },
  async insert(db: Executor, subject: NewSubjectRow): Promise<void> {
    await db.insertInto('subjects').values(subject).execute();
  },
  /** Adds the subject unless it exists (parallel reports about a new subject both get here). */
  async insertIfMissing(db: Executor, subject: NewSubjectRow): Promise<void> {
    await db
      .insertInto('subjects')
      .values(subject)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },
  async updateContact(
    db: Executor,
    id: string,
    contact: { phone: string | null; address: string | null },
  ): Promise<void> {
    await db.updateTable('subjects').set(contact).where('id', '=', id).execute();
  },
  async rename(db: Executor, id: string, name: string): Promise<void> {
    await db.updateTable('subjects').set({ name }).where('id', '=', id).execute();
  },
};

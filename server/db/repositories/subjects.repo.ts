import type { Executor } from '../database';
import type { NewSubjectRow, SubjectRow } from '../tables/subjects.table';

export const subjectsRepo = {
  find(db: Executor, id: string): Promise<SubjectRow | undefined> {
    return db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
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

import { searchDocumentOf } from '../../search/searchDocuments';
import { indexDocument } from '../../search/searchIndex';
import type { Executor } from '../database';
import type { NewSubjectRow, SubjectRow } from '../tables/subjects.table';

export const subjectsRepo = {
  find(db: Executor, id: string): Promise<SubjectRow | undefined> {
    return db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(db: Executor, subject: NewSubjectRow): Promise<void> {
    await db.insertInto('subjects').values(subject).execute();
    await indexDocument(db, searchDocumentOf.subject({ id: subject.id, name: subject.name ?? null }));
  },
  /** Adds the subject unless it exists (parallel reports about a new subject both get here). */
  async insertIfMissing(db: Executor, subject: NewSubjectRow): Promise<void> {
    const inserted = await db
      .insertInto('subjects')
      .values(subject)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    // Only a subject this call added: an existing one keeps its name (and its index entry).
    if (inserted) await indexDocument(db, searchDocumentOf.subject({ id: subject.id, name: subject.name ?? null }));
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
    await indexDocument(db, searchDocumentOf.subject({ id, name }));
  },
};

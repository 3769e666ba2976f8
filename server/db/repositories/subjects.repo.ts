import type { PlatformId } from '../../../shared/rulebook/platforms';
import { searchDocumentOf } from '../../search/searchDocuments';
import { indexDocument } from '../../search/searchIndex';
import type { Executor } from '../database';
import type { NewSubjectRow, SubjectRow } from '../tables/subjects.table';
import { decodePlatform } from './platformColumn';

const seenInTransaction = new WeakMap<Executor, Map<string, PlatformId>>();
function platformsSeen(trx: Executor): Map<string, PlatformId> {
  let seen = seenInTransaction.get(trx);
  if (!seen) {
    seen = new Map();
    seenInTransaction.set(trx, seen);
  }
  return seen;
}

/**
 * Notes the platform of a subject read alongside another row (the case under decision), so that
 * `platformOf` in the same transaction answers without another statement.
 */
export function rememberPlatform(trx: Executor, subjectId: string, platform: PlatformId): void {
  if (trx.isTransaction) platformsSeen(trx).set(subjectId, platform);
}

export const subjectsRepo = {
  async find(db: Executor, id: string): Promise<SubjectRow | undefined> {
    const row = await db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...row, platform: decodePlatform(row.platform) };
  },
  /**
   * The platform `id` trades on, or undefined for a subject the desk has never seen. A decision
   * asks several times (its rule, its rulebook, each outbox message), so inside a transaction the
   * answer is kept until it ends: a subject's platform never changes once stored.
   */
  async platformOf(db: Executor, id: string): Promise<PlatformId | undefined> {
    const memo = db.isTransaction ? platformsSeen(db) : undefined;
    const known = memo?.get(id);
    if (known) return known;
    const row = await db.selectFrom('subjects').select('platform').where('id', '=', id).executeTakeFirst();
    const platform = row && decodePlatform(row.platform);
    if (platform) memo?.set(id, platform);
    return platform;
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

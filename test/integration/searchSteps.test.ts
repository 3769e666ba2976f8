import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { searchRepo } from '../../server/db/repositories/search.repo';
import { indexDocuments } from '../../server/search/searchIndex';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The same answers whichever way the database finds them: PostgreSQL searches in steps (the
 * newest rows in order, then the GIN indexes within a window of the newest, then everywhere),
 * made small here so that a common, a rarer and a rare term each end in a different step.
 */
describe.each(BACKENDS)('search steps on %s', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    ({ db, close } = openDatabase(database.url));
    await migrateToLatest(db);
    // 40 documents: 刷单 in every other one, 团伙 in documents 5, 10, 15 … (every fifth), 鹦鹉 in the first only.
    await indexDocuments(
      db,
      Array.from({ length: 40 }, (_, i) => {
        const n = i + 1;
        const body = [`案件 ${n}`, n % 2 === 0 ? '刷单' : '', n % 5 === 0 ? '团伙作案' : '', n === 1 ? '鹦鹉' : '']
          .filter(Boolean)
          .join('，');
        return { type: 'case' as const, id: n, caseId: n, subjectId: null, title: body, body };
      }),
    );
  });
  afterAll(async () => {
    await close();
    await database.drop();
  });

  const ids = async (terms: string[], limit: number) =>
    (await searchRepo.find(db, terms, limit, { newest: 4, window: 12 })).map((r) => Number(r.doc_id));

  it('finds a common term among the newest rows', async () => {
    expect(await ids(['刷单'], 2)).toEqual([40, 38]);
  });

  it('finds a rarer term within the window of the newest, newest first', async () => {
    expect(await ids(['团伙'], 2)).toEqual([40, 35]);
    expect(await ids(['团伙作案'], 2)).toEqual([40, 35]);
  });

  it('finds a rare term anywhere, and every match when there are fewer than the limit', async () => {
    expect(await ids(['鹦鹉'], 5)).toEqual([1]);
    expect(await ids(['团伙', '刷单'], 10)).toEqual([40, 30, 20, 10]);
    expect(await ids(['不存在'], 5)).toEqual([]);
  });
});

import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { migrationProvider } from '../../server/db/migrations';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('the one-open-case migration on %s', (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('keeps twin open cases stored before it, marks the later ones split off and links them', async () => {
    database = await createTestDatabase(backend);
    const { db, close } = openDatabase(database.url);
    try {
      const migrator = new Migrator({ db, provider: migrationProvider });
      const before = await migrator.migrateTo('0012_rate_limits');
      expect(before.error).toBeUndefined();
      const at = new Date().toISOString();
      await db
        .insertInto('subjects')
        .values({
          id: 'M-TWIN',
          kind: 'merchant',
          name: '双胞胎店',
          shop_level: null,
          registered_at: null,
          created_at: at,
        })
        .execute();
      const twin = (status: 'triaged' | 'assigned' | 'final', rule = 'fake-transaction') =>
        db
          .insertInto('cases')
          .values({
            subject_id: 'M-TWIN',
            rule,
            status,
            source: 'user_report',
            summary: '重复案件',
            priority: 1,
            triage: null,
            queue: null,
            assignee_id: null,
            lease_until: null,
            sla_due_at: null,
            closed_at: null,
            created_at: at,
            updated_at: at,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
          .then((r) => r.id);
      const closed = await twin('final');
      const oldest = await twin('triaged');
      const later = await twin('assigned');
      const latest = await twin('triaged');
      const otherRule = await twin('triaged', 'counterfeit');

      await migrateToLatest(db);
      const rows = await db.selectFrom('cases').select(['id', 'status', 'split_from']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: closed, status: 'final', split_from: null },
        { id: oldest, status: 'triaged', split_from: null },
        { id: later, status: 'assigned', split_from: oldest },
        { id: latest, status: 'triaged', split_from: oldest },
        { id: otherRule, status: 'triaged', split_from: null },
      ]);
      const links = await db.selectFrom('case_links').select(['case_id', 'linked_case_id']).execute();
      expect(links).toHaveLength(4);
      expect(links).toEqual(expect.arrayContaining([{ case_id: oldest, linked_case_id: later }]));
      // From now on the database refuses a second open case for the subject and rule.
      await expect(twin('triaged')).rejects.toThrow();
    } finally {
      await close();
    }
  });
});

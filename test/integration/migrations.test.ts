import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { schemaShape } from '../support/schemaShape';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('migrations on %s', (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('creates the schema once and is a no-op the second time', async () => {
    database = await createTestDatabase(backend);
    const handle = openDatabase(database.url);
    try {
      expect(await migrateToLatest(handle.db)).toContain('0001_initial');
      expect(await migrateToLatest(handle.db)).toEqual([]);
      const tables = (await handle.db.introspection.getTables()).map((t) => t.name).sort();
      expect(tables).toEqual(
        expect.arrayContaining(['audit_events', 'cases', 'reports', 'sessions', 'settings', 'subjects', 'users']),
      );
    } finally {
      await handle.close();
    }
  });

  it('makes the audit trail append-only in the database itself', async () => {
    database = await createTestDatabase(backend);
    const handle = openDatabase(database.url);
    try {
      await migrateToLatest(handle.db);
      await handle.db
        .insertInto('audit_events')
        .values({
          seq: 1,
          at: '2026-01-01T00:00:00.000Z',
          actor_type: 'system',
          actor_id: null,
          action: 'test',
          target_type: null,
          target_id: null,
          data: null,
          request_id: null,
          batch_id: null,
          ip: null,
          user_agent: null,
          prev_hash: '0',
          hash: '1',
        })
        .execute();
      await expect(sql`UPDATE audit_events SET action = 'forged'`.execute(handle.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_events`.execute(handle.db)).rejects.toThrow(/append-only/);
      const rows = await handle.db.selectFrom('audit_events').select('action').execute();
      expect(rows).toEqual([{ action: 'test' }]);
    } finally {
      await handle.close();
    }
  });
});

// Migrations written once for both dialects must not drift apart: the same tables, columns,
// keys and indexes on SQLite and on PostgreSQL.
describe.runIf(BACKENDS.includes('postgres'))('the migrated schema', () => {
  it('is the same on SQLite and PostgreSQL', async () => {
    const shapes = await Promise.all(
      (['sqlite', 'postgres'] as const).map(async (backend) => {
        const database = await createTestDatabase(backend);
        const handle = openDatabase(database.url);
        try {
          await migrateToLatest(handle.db);
          return await schemaShape(handle.db, backend);
        } finally {
          await handle.close();
          await database.drop();
        }
      }),
    );
    const [sqlite, postgres] = shapes;
    expect(Object.keys(sqlite ?? {}).length).toBeGreaterThan(20);
    expect(sqlite?.cases).toContain('index cases_open_rule_source_sla_idx (is_open, rule, source, sla_due_at, id)');
    expect(sqlite).toEqual(postgres);
  });
});

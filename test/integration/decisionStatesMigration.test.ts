/**
 * Migration 0013 on a database that already has decisions: `pending` becomes
 * `pending_approval`, and decisions an upheld appeal reversed take their state (overturned, or
 * adjusted with a lighter finding) and who changed it when from that appeal.
 */
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { migrationProvider } from '../../server/db/migrations';
import { insertTriagedCases } from '../support/factories';
import { BACKENDS, createTestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('decision states migration on %s', (backend) => {
  it('moves existing decisions to the states that follow their life', async () => {
    const database = await createTestDatabase(backend);
    const handle = openDatabase(database.url);
    const db = handle.db;
    try {
      const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo('0012_rate_limits');
      expect(migrated.error).toBeUndefined();
      // Staff and a queue as 0012 knew them (today's factories write columns added since).
      const person = async (username: string, role: string) =>
        (
          await db
            .insertInto('users')
            .values({
              username,
              display_name: username,
              role,
              password_hash: 'x',
              created_at: '2024-11-01T00:00:00.000Z',
            } as never)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const rev = await person('rev', 'reviewer');
      const officer = await person('officer', 'appeals_officer');
      await db
        .insertInto('queues')
        .values({
          id: 'q',
          name_zh: '测试',
          name_en: 'Test',
          sla_days: '{}',
          auto_assign: 0,
          created_at: '2024-11-01T00:00:00.000Z',
        } as never)
        .execute();
      await insertTriagedCases(db, 'q', 1);
      const c = await db.selectFrom('cases').select(['id', 'subject_id']).executeTakeFirstOrThrow();
      const at = '2024-12-01T00:00:00.000Z';
      const decision = async (status: string) => {
        const row = await db
          .insertInto('decisions')
          // The row as 0012 knew it: no state columns yet, and `pending` was the waiting state.
          .values({
            case_id: c.id,
            kind: 'apply',
            rule: 'fake-transaction',
            facts: '{}',
            violation_at: at,
            reason: '测试',
            reason_template: null,
            status: status as 'effective',
            approval_reasons: null,
            preview: null,
            decided_by: rev,
            decided_at: at,
            reviewed_by: null,
            reviewed_at: null,
            review_note: null,
            batch_id: null,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      const pending = await decision('pending');
      const kept = await decision('effective');
      const overturned = await decision('effective');
      const adjusted = await decision('effective');
      const appeal = async (decisionId: number, status: string, relief: string | null) =>
        db
          .insertInto('appeals')
          .values({
            case_id: c.id,
            decision_id: decisionId,
            subject_id: c.subject_id,
            rule: 'fake-transaction',
            status,
            statement: '申诉',
            submitted_by: 'token:1',
            decided_by: officer,
            decided_at: '2024-12-05T00:00:00.000Z',
            relief_violation_id: relief,
            created_at: at,
            updated_at: at,
          } as never)
          .execute();
      await appeal(kept, 'rejected', null);
      await appeal(overturned, 'approved', null);
      await appeal(adjusted, 'approved', `V${adjusted}-R1`);

      await migrateToLatest(db);
      const rows = await db
        .selectFrom('decisions')
        .select(['id', 'status', 'status_changed_by', 'status_changed_at'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: pending, status: 'pending_approval', status_changed_by: null, status_changed_at: null },
        { id: kept, status: 'effective', status_changed_by: null, status_changed_at: null },
        {
          id: overturned,
          status: 'overturned',
          status_changed_by: officer,
          status_changed_at: '2024-12-05T00:00:00.000Z',
        },
        { id: adjusted, status: 'adjusted', status_changed_by: officer, status_changed_at: '2024-12-05T00:00:00.000Z' },
      ]);
    } finally {
      await handle.close();
      await database.drop();
    }
  });
});

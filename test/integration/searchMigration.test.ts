import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { migrationProvider } from '../../server/db/migrations';
import { searchDocuments } from '../../server/services/search.service';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('the search index migration on %s', (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('indexes the cases, reports, evidence, subjects, decisions and notes stored before it', async () => {
    database = await createTestDatabase(backend);
    const { db, close } = openDatabase(database.url);
    try {
      const before = await new Migrator({ db, provider: migrationProvider }).migrateTo('0021_oidc_sign_in');
      expect(before.error).toBeUndefined();
      const at = new Date().toISOString();
      await db
        .insertInto('subjects')
        .values({
          id: 'M-OLD-1',
          kind: 'merchant',
          name: '老字号茶庄',
          shop_level: null,
          registered_at: null,
          created_at: at,
        })
        .execute();
      const caseId = (
        await db
          .insertInto('cases')
          .values({
            subject_id: 'M-OLD-1',
            rule: 'fake-transaction',
            status: 'final',
            source: 'user_report',
            summary: '迁移前的刷单案件',
            priority: 1,
            triage: null,
            queue: null,
            assignee_id: null,
            lease_until: null,
            sla_due_at: null,
            closed_at: at,
            created_at: at,
            updated_at: at,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const reportId = (
        await db
          .insertInto('reports')
          .values({
            external_id: 'EXT-OLD-1',
            case_id: caseId,
            source: 'user_report',
            subject_id: 'M-OLD-1',
            rule: 'fake-transaction',
            summary: '买家举报刷单',
            facts: null,
            reporter_id: null,
            subject_name: '老字号茶庄',
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('evidence')
        .values({
          case_id: caseId,
          report_id: reportId,
          kind: 'text',
          title: '旧证据',
          text: '返现截图',
          url: null,
          created_at: at,
        })
        .execute();
      const reviewerId = (
        await db
          .insertInto('users')
          .values({
            username: 'old.rev',
            display_name: '老审核员',
            role: 'reviewer',
            password_hash: 'x',
            created_at: at,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('decisions')
        .values({
          case_id: caseId,
          kind: 'dismiss',
          rule: null,
          facts: null,
          violation_at: null,
          reason: '旧决定的理由',
          reason_template: null,
          status: 'effective',
          approval_reasons: null,
          preview: null,
          decided_by: reviewerId,
          decided_at: at,
        } as never)
        .execute();

      // A note, written as the notes migration (0023, before this one) left the table.
      await new Migrator({ db, provider: migrationProvider }).migrateTo('0023_notes');
      await db
        .insertInto('notes')
        .values({
          target_type: 'subject',
          target_id: 'M-OLD-1',
          author_id: reviewerId,
          text: '老店换了新老板',
          version: 1,
          created_at: at,
          updated_at: at,
        } as never)
        .execute();

      await migrateToLatest(db);
      const types = async (q: string) =>
        (await searchDocuments({ db }, { q })).items.map((h) => `${h.type}:${h.caseId ?? h.id}`).sort();
      expect(await types('刷单')).toEqual([`case:${caseId}`, `report:${caseId}`]);
      expect(await types('茶庄')).toEqual([`report:${caseId}`, 'subject:M-OLD-1']);
      expect(await types('返现')).toEqual([`evidence:${caseId}`]);
      expect(await types('旧决定')).toEqual([`decision:${caseId}`]);
      expect(await types('新老板')).toEqual(['note:1']);
    } finally {
      await close();
    }
  });
});

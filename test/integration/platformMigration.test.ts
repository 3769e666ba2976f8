import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { migrationProvider } from '../../server/db/migrations';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('the subject platform migration on %s', (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('gives each stored subject the platform of its earliest case rule, Taobao when the rule is Taobao or unknown', async () => {
    database = await createTestDatabase(backend);
    const { db, close } = openDatabase(database.url);
    try {
      const before = await new Migrator({ db, provider: migrationProvider }).migrateTo('0021_oidc_sign_in');
      expect(before.error).toBeUndefined();
      // Rows as 0021 knew them: subjects without a platform, cases under any platform's rule.
      const subject = (id: string) =>
        db
          .insertInto('subjects')
          .values({
            id,
            kind: 'merchant',
            name: '测试店铺',
            shop_level: null,
            registered_at: null,
            created_at: '2024-01-01T00:00:00.000Z',
          } as never)
          .execute();
      const caseOf = (subjectId: string, rule: string, createdAt: string, status = 'final') =>
        db
          .insertInto('cases')
          .values({
            subject_id: subjectId,
            rule,
            status,
            source: 'user_report',
            summary: '迁移前的案件',
            priority: 1,
            triage: null,
            queue: null,
            assignee_id: null,
            lease_until: null,
            sla_due_at: null,
            closed_at: null,
            created_at: createdAt,
            updated_at: createdAt,
          } as never)
          .execute();
      const expected: Record<string, string> = {
        'S-TAOBAO': 'taobao',
        'S-KUAISHOU': 'kuaishou',
        'S-1688': '1688',
        'S-XIANYU': 'xianyu',
        'S-UNKNOWN': 'taobao',
        'S-NONE': 'taobao',
        'S-TIE': '1688',
      };
      for (const id of Object.keys(expected)) await subject(id);
      // The earliest case decides, whatever came after it.
      await caseOf('S-TAOBAO', 'counterfeit', '2024-01-02T00:00:00.000Z');
      await caseOf('S-TAOBAO', 'unfair-competition', '2024-02-01T00:00:00.000Z', 'triaged');
      await caseOf('S-KUAISHOU', 'counterfeit', '2024-03-01T00:00:00.000Z', 'triaged');
      await caseOf('S-KUAISHOU', 'unfair-competition', '2024-01-05T00:00:00.000Z');
      await caseOf('S-1688', 'improper-info-use', '2024-01-03T00:00:00.000Z');
      await caseOf('S-XIANYU', 'xianyu-serious', '2024-01-04T00:00:00.000Z');
      await caseOf('S-UNKNOWN', 'retired-rule', '2024-01-04T00:00:00.000Z');
      // Two cases at the same instant: the one filed first (lower id) decides.
      await caseOf('S-TIE', 'improper-info-use', '2024-01-06T00:00:00.000Z');
      await caseOf('S-TIE', 'counterfeit', '2024-01-06T00:00:00.000Z', 'triaged');

      await migrateToLatest(db);
      const rows = await db.selectFrom('subjects').select(['id', 'platform']).execute();
      expect(Object.fromEntries(rows.map((r) => [r.id, r.platform]))).toEqual(expected);
      // A subject added after the migration without a platform is Taobao's.
      await subject('S-LATER');
      expect(
        (await db.selectFrom('subjects').select('platform').where('id', '=', 'S-LATER').executeTakeFirstOrThrow())
          .platform,
      ).toBe('taobao');
    } finally {
      await close();
    }
  });
});

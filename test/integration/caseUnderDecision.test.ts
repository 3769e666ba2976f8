/**
 * The one read at the start of a decision: the case, the actor's role, whether the actor works
 * the case's queue (listed, or by the queue's member role while their account is active), and
 * the subject's platform, which the rest of the transaction then looks up without a statement.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database';
import { findCaseUnderDecision } from '../../server/db/repositories/caseUnderDecision.repo';
import { subjectsRepo } from '../../server/db/repositories/subjects.repo';
import { createQueue, createStaff, insertTriagedCases } from '../support/factories';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('the case under decision on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  let staff: Map<string, number>;
  let caseId: number;
  let roleQueueCase: number;

  beforeAll(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    staff = await createStaff(db, [
      { username: 'member', role: 'reviewer' },
      { username: 'outsider', role: 'reviewer' },
      { username: 'senior', role: 'senior_reviewer' },
      { username: 'gone', role: 'senior_reviewer' },
    ]);
    await createQueue(db, 'q', { members: [staff.get('member') as number] });
    await createQueue(db, 'seniors', {});
    await db.updateTable('queues').set({ member_role: 'senior_reviewer' }).where('id', '=', 'seniors').execute();
    await db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', staff.get('gone') as number)
      .execute();
    await insertTriagedCases(db, 'q', 1);
    await insertTriagedCases(db, 'seniors', 1);
    const rows = await db.selectFrom('cases').select(['id', 'queue']).orderBy('id').execute();
    caseId = rows.find((r) => r.queue === 'q')?.id as number;
    roleQueueCase = rows.find((r) => r.queue === 'seniors')?.id as number;
    await db.updateTable('subjects').set({ platform: 'xianyu' }).execute();
  });
  afterAll(async () => {
    await database.close();
  });

  const read = (id: number, username: string) =>
    db.transaction().execute((trx) => findCaseUnderDecision(trx, id, staff.get(username) as number));

  it('says whether the actor works the queue: listed, or by role while active', async () => {
    expect(await read(caseId, 'member')).toMatchObject({ actorRole: 'reviewer', actorInQueue: true });
    expect(await read(caseId, 'outsider')).toMatchObject({ actorRole: 'reviewer', actorInQueue: false });
    expect(await read(roleQueueCase, 'senior')).toMatchObject({ actorRole: 'senior_reviewer', actorInQueue: true });
    expect(await read(roleQueueCase, 'member')).toMatchObject({ actorInQueue: false });
    expect(await read(roleQueueCase, 'gone')).toMatchObject({ actorInQueue: false });
  });

  it('returns the case row as the cases repository decodes it, and the platform', async () => {
    const found = await read(caseId, 'member');
    const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(found?.c).toEqual({ ...row, triage: null });
    expect(found?.platform).toBe('xianyu');
  });

  it('has no role for an unknown actor and nothing for an unknown case', async () => {
    const unknownActor = await db.transaction().execute((trx) => findCaseUnderDecision(trx, caseId, 999_999));
    expect(unknownActor).toMatchObject({ actorRole: null, actorInQueue: false });
    expect(await read(999_999, 'member')).toBeUndefined();
  });

  it("keeps the subject's platform for the rest of the transaction", async () => {
    const platform = await db.transaction().execute(async (trx) => {
      const found = await findCaseUnderDecision(trx, caseId, staff.get('member') as number);
      // Changed behind the transaction's back (never done by the desk): the remembered answer wins.
      await sql`UPDATE subjects SET platform = 'taobao' WHERE id = ${found?.c.subject_id ?? ''}`.execute(trx);
      return subjectsRepo.platformOf(trx, found?.c.subject_id ?? '');
    });
    expect(platform).toBe('xianyu');
  });
});

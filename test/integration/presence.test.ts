import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import type { Db } from '../../server/db/database';
import { type CaseChange, ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { heartbeat, leave, viewersOf } from '../../server/services/presence.service';
import type { ServiceContext } from '../../server/services/serviceContext';
import { PRESENCE_CHANGED, PRESENCE_TIMEOUT_MS } from '../../shared/api/presence';
import { createQueue, createStaff, insertTriagedCases } from '../support/factories';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

// Who else has a case open, on each database: shown to the others, gone when they leave or go
// quiet, pushed on the live stream only when it changes.
describe.each(BACKENDS)('presence on a case page (%s)', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  let caseId: number;
  let ids: Map<string, number>;
  const clock = fakeClock('2026-03-02T09:00:00Z');
  const bus = new ChangeBus();
  const pushed: CaseChange[] = [];
  const as = (username: string): ServiceContext => ({
    db,
    clock,
    rulebooks: builtInRulebooks,
    bus,
    audit: { actor: { type: 'user', id: String(ids.get(username)) } },
  });

  beforeAll(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    ids = await createStaff(db, [
      { username: 'amy', role: 'reviewer' },
      { username: 'bo', role: 'reviewer' },
      { username: 'cy', role: 'lead' },
    ]);
    await createQueue(db, 'q', { members: [...ids.values()] });
    await insertTriagedCases(db, 'q', 1);
    caseId = (await db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    const controller = new AbortController();
    void (async () => {
      for await (const change of bus.subscribe(controller.signal)) pushed.push(change);
    })().catch(() => {});
  });
  afterAll(async () => {
    await database.close();
  });

  it('shows each viewer to the others (never to themselves), with who is drafting', async () => {
    expect(await heartbeat(as('amy'), { caseId, editing: false })).toEqual({ viewers: [] });
    const seenByBo = await heartbeat(as('bo'), { caseId, editing: false });
    expect(seenByBo.viewers).toEqual([expect.objectContaining({ userId: ids.get('amy'), editing: false })]);

    await heartbeat(as('amy'), { caseId, editing: true });
    const seenByCy = await viewersOf(as('cy'), { caseId });
    expect(seenByCy.viewers.map((v) => [v.userId, v.editing])).toEqual([
      [ids.get('amy'), true],
      [ids.get('bo'), false],
    ]);
  });

  it('pushes a change when someone arrives, starts or stops drafting, or leaves; not on every heartbeat', async () => {
    pushed.length = 0;
    await heartbeat(as('cy'), { caseId, editing: false }); // arrives
    await heartbeat(as('cy'), { caseId, editing: false }); // still there: nothing new
    await heartbeat(as('cy'), { caseId, editing: true }); // starts drafting
    await leave(as('cy'), { caseId });
    await leave(as('cy'), { caseId }); // already gone: nothing new
    await expect.poll(() => pushed.length).toBe(3);
    expect(pushed.every((c) => c.action === PRESENCE_CHANGED && c.caseId === caseId)).toBe(true);
    expect((await viewersOf(as('amy'), { caseId })).viewers.map((v) => v.userId)).toEqual([ids.get('bo')]);
  });

  it('forgets a viewer who has gone quiet, and starts a new visit when they come back', async () => {
    const before = (await viewersOf(as('cy'), { caseId })).viewers.find((v) => v.userId === ids.get('amy'));
    clock.advance(PRESENCE_TIMEOUT_MS - 1000);
    await heartbeat(as('bo'), { caseId, editing: false });
    clock.advance(2000);
    // amy's last heartbeat is now older than the timeout; bo's is not.
    expect((await viewersOf(as('cy'), { caseId })).viewers.map((v) => v.userId)).toEqual([ids.get('bo')]);
    await heartbeat(as('amy'), { caseId, editing: false });
    const back = (await viewersOf(as('cy'), { caseId })).viewers.find((v) => v.userId === ids.get('amy'));
    expect(back?.openedAt).not.toBe(before?.openedAt);
    expect(back?.openedAt).toBe(clock.now().toISOString());
  });

  it('keeps one row per person under 20 heartbeats at once, and answers an unknown case with NOT_FOUND', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => heartbeat(as('bo'), { caseId, editing: i % 2 === 0 })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await db
      .selectFrom('case_viewers')
      .selectAll()
      .where('user_id', '=', ids.get('bo') ?? 0)
      .execute();
    expect(rows).toHaveLength(1);
    await expect(heartbeat(as('bo'), { caseId: 999_999, editing: false })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'case_not_found',
    });
  });

  it('writes nothing to the audit trail: looking at a case changes nothing on record', async () => {
    const events = await db.selectFrom('audit_events').select('action').where('action', 'like', 'presence%').execute();
    expect(events).toEqual([]);
  });
});

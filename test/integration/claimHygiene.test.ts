import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { LEASE_MS } from '../../server/services/assignment.service';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, insertTriagedCases, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

/** Issue 15: "next" gives back the case moved on from; keeping it is explicit and limited per queue. */
describe.each(BACKENDS)('claim hygiene on %s', (backend) => {
  let server: TestServer;
  let staff: Map<string, number>;
  const clock = fakeClock('2026-11-23T09:00:00+08:00');
  const login = (u: string) => signIn(server.url, u, TEST_PASSWORD);
  const id = (u: string) => staff.get(u) ?? 0;
  const row = (caseId: number) =>
    server.db
      .selectFrom('cases')
      .select(['status', 'assignee_id', 'lease_until'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
  const held = async (user: string) =>
    (
      await server.db
        .selectFrom('cases')
        .select('id')
        .where('assignee_id', '=', id(user))
        .where('status', '=', 'assigned')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  beforeAll(async () => {
    server = await startTestServer(backend, { clock });
    staff = await createStaff(server.db, [
      { username: 'ana', role: 'reviewer' },
      { username: 'bo', role: 'reviewer' },
      { username: 'lead1', role: 'lead' },
    ]);
    await createQueue(server.db, 'h1', { members: [id('ana'), id('bo')], holdLimit: 2 });
    await createQueue(server.db, 'h2', { members: [id('ana')], holdLimit: 2 });
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.db.updateTable('cases').set({ status: 'final', assignee_id: null }).execute();
  });

  it('gives back the undecided case moved on from with n, audited, and hands out another', async () => {
    await insertTriagedCases(server.db, 'h1', 3);
    const ana = await login('ana');
    const first = (await ana.trpc.queue.next.mutate({}))?.caseId ?? 0;
    const second = (await ana.trpc.queue.next.mutate({ from: { caseId: first, keep: false } }))?.caseId ?? 0;
    expect(second).not.toBe(first);
    expect(await row(first)).toEqual({ status: 'triaged', assignee_id: null, lease_until: null });
    expect(await held('ana')).toEqual([second]);
    const events = await server.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('target_type', '=', 'case')
      .where('target_id', '=', String(first))
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['case.claimed', 'case.released']);
    expect(JSON.parse(String(events[1]?.data))).toMatchObject({ movedOn: true });
    // Moving on from the last case with nothing else waiting still gives it back.
    await server.db.updateTable('cases').set({ status: 'final' }).where('status', '=', 'triaged').execute();
    expect(await ana.trpc.queue.next.mutate({ from: { caseId: second, keep: false } })).toBeNull();
    expect(await held('ana')).toEqual([]);
  });

  it('keeps the case with "keep and go next", up to the queue hold limit, then refuses and changes nothing', async () => {
    await insertTriagedCases(server.db, 'h1', 4);
    const ana = await login('ana');
    const first = (await ana.trpc.queue.next.mutate({ queue: 'h1' }))?.caseId ?? 0;
    clock.advance(60_000);
    const second =
      (await ana.trpc.queue.next.mutate({ queue: 'h1', from: { caseId: first, keep: true } }))?.caseId ?? 0;
    expect(await held('ana')).toEqual([first, second].sort((a, b) => a - b));
    // Keeping starts the kept case's lease again.
    expect((await row(first)).lease_until).toBe(new Date(clock.now().getTime() + LEASE_MS).toISOString());
    const refused = await errorOf(ana.trpc.queue.next.mutate({ queue: 'h1', from: { caseId: second, keep: true } }));
    expect(refused.data).toMatchObject({ code: 'CONFLICT', reason: 'hold_limit_reached' });
    expect(refused.data?.details).toMatchObject({ queue: 'h1', limit: 2 });
    expect(await held('ana')).toEqual([first, second].sort((a, b) => a - b));
    // Plain n from the queue page is refused as well: the limit is on holding, not on keeping.
    expect((await errorOf(ana.trpc.queue.next.mutate({}))).data?.reason).toBe('hold_limit_reached');
    // Moving on without keeping makes room again.
    const third = (await ana.trpc.queue.next.mutate({ from: { caseId: second, keep: false } }))?.caseId ?? 0;
    expect(await held('ana')).toEqual([first, third].sort((a, b) => a - b));
  });

  it('passes over a full queue for one with room, and says "nothing waiting" rather than "limit" when that is so', async () => {
    await insertTriagedCases(server.db, 'h1', 2);
    const ana = await login('ana');
    await ana.trpc.queue.next.mutate({ queue: 'h1' });
    await ana.trpc.queue.next.mutate({ queue: 'h1' });
    await insertTriagedCases(server.db, 'h2', 1);
    await insertTriagedCases(server.db, 'h1', 1);
    const fromH2 = (await ana.trpc.queue.next.mutate({}))?.caseId ?? 0;
    expect(
      (await server.db.selectFrom('cases').select('queue').where('id', '=', fromH2).executeTakeFirst())?.queue,
    ).toBe('h2');
    // bo has room in h1 and gets its waiting case.
    const bo = await login('bo');
    expect(await bo.trpc.queue.next.mutate({})).not.toBeNull();
    // Nothing waits anywhere now: a plain "nothing to claim", though ana is at the limit in h1.
    expect(await ana.trpc.queue.next.mutate({ queue: 'h1' })).toBeNull();
  });

  it('leaves a case a lead assigned with its reviewer when they move on', async () => {
    await insertTriagedCases(server.db, 'h1', 2);
    const lead = await login('lead1');
    const [assigned] = (await server.db.selectFrom('cases').select('id').where('status', '=', 'triaged').execute()).map(
      (r) => r.id,
    );
    await lead.trpc.cases.assign.mutate({ caseId: assigned ?? 0, userId: id('bo') });
    const bo = await login('bo');
    const next = await bo.trpc.queue.next.mutate({ from: { caseId: assigned ?? 0, keep: false } });
    expect(next).not.toBeNull();
    expect(await held('bo')).toEqual([assigned, next?.caseId].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it('lets a lead set the hold limit, refusing nonsense with the field named', async () => {
    const lead = await login('lead1');
    const [h2] = await lead.trpc.queues.list.query().then((qs) => qs.filter((q) => q.id === 'h2'));
    if (!h2) throw new Error('queue h2 missing');
    const { members: _m, open: _o, closedPerDay: _c, clearsAt: _a, memberRole: _r, ...settings } = h2;
    const bad = await errorOf(lead.trpc.queues.save.mutate({ ...settings, holdLimit: 0 }));
    expect(bad.data).toMatchObject({ code: 'BAD_REQUEST', field: 'holdLimit' });
    await lead.trpc.queues.save.mutate({ ...settings, holdLimit: 1 });
    expect((await lead.trpc.queues.list.query()).find((q) => q.id === 'h2')?.holdLimit).toBe(1);
    // Saved without a limit (an older client), the limit stays as it was.
    const { holdLimit: _h, ...withoutLimit } = settings;
    await lead.trpc.queues.save.mutate(withoutLimit);
    expect((await lead.trpc.queues.list.query()).find((q) => q.id === 'h2')?.holdLimit).toBe(1);
    await insertTriagedCases(server.db, 'h2', 2);
    const ana = await login('ana');
    await ana.trpc.queue.next.mutate({ queue: 'h2' });
    expect((await errorOf(ana.trpc.queue.next.mutate({ queue: 'h2' }))).data?.details).toMatchObject({ limit: 1 });
    await lead.trpc.queues.save.mutate({ ...settings, holdLimit: 2 });
  });

  it('shows leads who holds what, with each lease end; reviewers may not look', async () => {
    await insertTriagedCases(server.db, 'h1', 2);
    const ana = await login('ana');
    const bo = await login('bo');
    const anaCase = (await ana.trpc.queue.next.mutate({ queue: 'h1' }))?.caseId;
    const boCase = (await bo.trpc.queue.next.mutate({ queue: 'h1' }))?.caseId;
    const lead = await login('lead1');
    const view = await lead.trpc.queues.held.query();
    expect(view).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: anaCase,
          queue: 'h1',
          holder: { id: id('ana'), displayName: 'ana' },
          leaseUntil: new Date(clock.now().getTime() + LEASE_MS).toISOString(),
        }),
        expect.objectContaining({ caseId: boCase, holder: { id: id('bo'), displayName: 'bo' } }),
      ]),
    );
    expect(view).toHaveLength(2);
    expect((await errorOf(ana.trpc.queues.held.query())).data?.code).toBe('FORBIDDEN');
  });
});

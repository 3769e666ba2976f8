import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { fakeClock } from '../../server/clock';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { expireLeases, LEASE_MS } from '../../server/services/assignment.service';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, insertTriagedCases, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('claiming and assignment on %s', (backend) => {
  let server: TestServer;
  let staff: Map<string, number>;
  const clock = fakeClock('2026-11-23T09:00:00+08:00');
  const login = (u: string) => signIn(server.url, u, TEST_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer(backend, { clock });
    staff = await createStaff(server.db, [
      { username: 'ana', role: 'reviewer' },
      { username: 'bo', role: 'reviewer' },
      { username: 'cy', role: 'reviewer' },
      { username: 'lead1', role: 'lead' },
      { username: 'auditor1', role: 'auditor' },
    ]);
    await createQueue(server.db, 'q1', { members: [staff.get('ana') ?? 0, staff.get('bo') ?? 0] });
    await createQueue(server.db, 'q2', { members: [staff.get('cy') ?? 0] });
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.db.deleteFrom('case_skips').execute();
    await server.db.updateTable('cases').set({ status: 'final' }).where('status', '!=', 'final').execute();
  });

  it('hands out the most urgent case of my queues, under a 15-minute lease, audited', async () => {
    await insertTriagedCases(server.db, 'q1', 5);
    const ana = await login('ana');
    const next = await ana.trpc.queue.next.mutate({});
    const best = await server.db
      .selectFrom('cases')
      .select('id')
      .where('queue', '=', 'q1')
      .where('status', 'in', ['triaged', 'assigned'])
      .orderBy('rank', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(next?.caseId).toBe(best.id);
    const row = await server.db.selectFrom('cases').selectAll().where('id', '=', best.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'assigned', assignee_id: staff.get('ana') });
    expect(new Date(row.lease_until ?? 0).getTime() - clock.now().getTime()).toBe(LEASE_MS);
    const event = await server.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('target_id', '=', String(best.id))
      .where('action', '=', 'case.claimed')
      .executeTakeFirst();
    expect(event).toEqual({ action: 'case.claimed', actor_id: String(staff.get('ana')) });
  });

  it('returns null when my queues are empty, and refuses a queue I am not in', async () => {
    const cy = await login('cy');
    expect(await cy.trpc.queue.next.mutate({})).toBeNull();
    expect(await cy.trpc.queue.next.mutate({ queue: 'q2' })).toBeNull();
    expect((await errorOf(cy.trpc.queue.next.mutate({ queue: 'q1' }))).data?.reason).toBe('not_queue_member');
    const auditor = await login('auditor1');
    expect((await errorOf(auditor.trpc.queue.next.mutate({}))).data?.code).toBe('FORBIDDEN');
  });

  it('lets an expired lease be claimed by someone else, and the sweeper return it', async () => {
    await insertTriagedCases(server.db, 'q1', 2);
    const ana = await login('ana');
    const bo = await login('bo');
    const first = await ana.trpc.queue.next.mutate({});
    // While the lease runs, bo gets the other case, not ana's.
    const second = await bo.trpc.queue.next.mutate({});
    expect(second?.caseId).not.toBe(first?.caseId);
    // Both renew once, then walk away.
    clock.advance(LEASE_MS - 1000);
    await ana.trpc.cases.renewLease.mutate({ caseId: first?.caseId ?? 0 });
    await bo.trpc.cases.renewLease.mutate({ caseId: second?.caseId ?? 0 });
    clock.advance(LEASE_MS - 1000);
    expect(await bo.trpc.queue.next.mutate({})).toBeNull();
    clock.advance(2000);
    const expired = await expireLeases({
      db: server.db,
      clock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: SYSTEM_ACTOR,
    });
    expect(expired).toBe(2);
    const row = await server.db
      .selectFrom('cases')
      .select(['status', 'assignee_id'])
      .where('id', '=', first?.caseId ?? 0)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'triaged', assignee_id: null });
    const again = await bo.trpc.queue.next.mutate({});
    expect([first?.caseId, second?.caseId]).toContain(again?.caseId);
  });

  it('claims a lapsed lease directly, before any sweep', async () => {
    await insertTriagedCases(server.db, 'q1', 1);
    const ana = await login('ana');
    const bo = await login('bo');
    const mine = await ana.trpc.queue.next.mutate({});
    clock.advance(LEASE_MS + 1);
    expect((await bo.trpc.queue.next.mutate({}))?.caseId).toBe(mine?.caseId);
    expect((await errorOf(ana.trpc.cases.renewLease.mutate({ caseId: mine?.caseId ?? 0 }))).data?.reason).toBe(
      'not_your_case',
    );
  });

  it('releases and skips: a skipped case is not offered to me again, but is to others', async () => {
    await insertTriagedCases(server.db, 'q1', 1);
    const ana = await login('ana');
    const bo = await login('bo');
    const claimed = await ana.trpc.queue.next.mutate({});
    const id = claimed?.caseId ?? 0;
    expect((await errorOf(bo.trpc.queue.release.mutate({ caseId: id, reason: '不是我的' }))).data?.reason).toBe(
      'not_your_case',
    );
    await ana.trpc.queue.skip.mutate({ caseId: id, reason: '需要专项经验' });
    expect(await ana.trpc.queue.next.mutate({})).toBeNull();
    expect((await bo.trpc.queue.next.mutate({}))?.caseId).toBe(id);
    await bo.trpc.queue.release.mutate({ caseId: id, reason: '证据不足，退回' });
    const actions = await server.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['case.claimed', 'case.skipped', 'case.claimed', 'case.released']);
  });

  it('lets a lead assign and reassign to a named reviewer; reviewers may not', async () => {
    await insertTriagedCases(server.db, 'q2', 1);
    const { id } = await server.db
      .selectFrom('cases')
      .select('id')
      .where('queue', '=', 'q2')
      .where('status', '=', 'triaged')
      .executeTakeFirstOrThrow();
    const lead = await login('lead1');
    await lead.trpc.cases.assign.mutate({ caseId: id, userId: staff.get('cy') ?? 0 });
    await lead.trpc.cases.assign.mutate({ caseId: id, userId: staff.get('ana') ?? 0, reason: '平衡工作量' });
    const row = await server.db
      .selectFrom('cases')
      .select(['status', 'assignee_id', 'lease_until'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'assigned', assignee_id: staff.get('ana'), lease_until: null });
    const reassigned = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'case.reassigned')
      .where('target_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(reassigned.data ?? '{}')).toEqual({
      from: staff.get('cy'),
      to: staff.get('ana'),
      reason: '平衡工作量',
      // The state the event leaves the case in, which audit verify compares with the cases table.
      caseStatus: 'assigned',
      caseAssigneeId: staff.get('ana'),
    });
    const ana = await login('ana');
    expect(
      (await errorOf(ana.trpc.cases.assign.mutate({ caseId: id, userId: staff.get('ana') ?? 0 }))).data?.code,
    ).toBe('FORBIDDEN');
  });

  it('refuses to assign a closed case with a clear illegal-transition error', async () => {
    await insertTriagedCases(server.db, 'q2', 1);
    const { id } = await server.db
      .selectFrom('cases')
      .select('id')
      .where('queue', '=', 'q2')
      .where('status', '=', 'triaged')
      .executeTakeFirstOrThrow();
    await server.db.updateTable('cases').set({ status: 'final' }).where('id', '=', id).execute();
    const lead = await login('lead1');
    const err = await errorOf(lead.trpc.cases.assign.mutate({ caseId: id, userId: staff.get('cy') ?? 0 }));
    expect(err.data).toMatchObject({ code: 'CONFLICT', reason: 'illegal_transition' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { loadDashboardMetrics } from '../../server/services/metrics.service';
import { signIn } from '../support/apiClient';
import { createQueue, createStaff, insertTriagedCases, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

/** Issue 15: the escalations queue is a real queue, named, worked by the leads, in their team figures. */
describe.each(BACKENDS)('the escalations queue on %s', (backend) => {
  let server: TestServer;
  let staff: Map<string, number>;
  const clock = fakeClock('2026-11-23T09:00:00+08:00');
  const login = (u: string) => signIn(server.url, u, TEST_PASSWORD);
  const id = (u: string) => staff.get(u) ?? 0;

  beforeAll(async () => {
    server = await startTestServer(backend, { clock });
    staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'lead1', role: 'lead' },
      { username: 'lead2', role: 'lead' },
      { username: 'rev2', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'e1', { members: [id('rev'), id('lead1')] });
    await createQueue(server.db, 'e2', { members: [id('rev2'), id('lead2')] });
  });
  afterAll(() => server.stop());

  it('exists from the start, named in both languages, with every lead as a member (also one made later)', async () => {
    const rev = await login('rev');
    const escalations = (await rev.trpc.queues.list.query()).find((q) => q.id === 'escalations');
    expect(escalations).toMatchObject({ nameZh: '升级处理', nameEn: 'Escalations', memberRole: 'lead' });
    expect(escalations?.members.map((m) => [m.displayName, m.byRole])).toEqual([
      ['lead1', true],
      ['lead2', true],
    ]);
    await createStaff(server.db, [{ username: 'lead3', role: 'lead' }]);
    const later = (await rev.trpc.queues.list.query()).find((q) => q.id === 'escalations');
    expect(later?.members.map((m) => m.displayName)).toEqual(['lead1', 'lead2', 'lead3']);
    await server.db
      .updateTable('users')
      .set({ disabled_at: clock.now().toISOString() })
      .where('username', '=', 'lead3')
      .execute();
    const afterDisable = (await rev.trpc.queues.list.query()).find((q) => q.id === 'escalations');
    expect(afterDisable?.members.map((m) => m.displayName)).toEqual(['lead1', 'lead2']);
  });

  it('takes an escalated case, which a lead then claims with next', async () => {
    await insertTriagedCases(server.db, 'e1', 1);
    const rev = await login('rev');
    const caseId = (await rev.trpc.queue.next.mutate({}))?.caseId ?? 0;
    const c = await rev.trpc.cases.get.query({ id: caseId });
    await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'escalate',
      reason: '需要组长判断。',
    });
    expect(await rev.trpc.cases.get.query({ id: caseId })).toMatchObject({ queue: 'escalations', assignee: null });
    const lead2 = await login('lead2');
    expect((await lead2.trpc.queue.next.mutate({ queue: 'escalations' }))?.caseId).toBe(caseId);
  });

  it("counts in each lead's team figures without merging the leads' teams", async () => {
    const m1 = await loadDashboardMetrics(server.db, clock.now(), { id: id('lead1'), role: 'lead' }, 7, 480);
    expect(m1.scope.queues).toEqual(['e1', 'escalations']);
    expect(m1.scope.members.map((p) => p.name).sort()).toEqual(['lead1', 'rev']);
    const m2 = await loadDashboardMetrics(server.db, clock.now(), { id: id('lead2'), role: 'lead' }, 7, 480);
    expect(m2.scope.queues).toEqual(['e2', 'escalations']);
    expect(m2.scope.members.map((p) => p.name).sort()).toEqual(['lead2', 'rev2']);
    // The escalated case, now held by lead2, shows in the open cases of the escalations queue.
    expect(m1.openByQueue.find((q) => q.queue === 'escalations')?.total).toBe(1);
  });
});

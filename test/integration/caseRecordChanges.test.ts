import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { cookieOf, pngBytes } from '../support/evidenceFiles';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(BACKENDS)('who may change a case in which state, on %s', (backend) => {
  let server: TestServer;
  let staff: Map<string, number>;
  let token: string;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    server = await startTestServer(backend);
    staff = await createStaff(server.db, [
      { username: 'triager1', role: 'triager' },
      { username: 'reviewer1', role: 'reviewer' },
      { username: 'reviewer2', role: 'reviewer' },
      { username: 'lead1', role: 'lead' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], position: 99 });
    await createQueue(server.db, 'special', { routeRules: ['none-such'], position: 1 });
    token = await createIntegrationToken(server.db, 'detector', ['intake']);
    for (const name of ['triager1', 'reviewer1', 'reviewer2', 'lead1'])
      as[name] = await signIn(server.url, name, TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  /** A case with two reports, in status `status`, held by reviewer1 when assigned. */
  async function caseIn(status: 'triaged' | 'assigned' | 'decided' | 'appeal_window' | 'final') {
    const integration = createApiClient(server.url, { authorization: `Bearer ${token}` });
    const subject = { id: `M-${Math.random().toString(36).slice(2, 10)}`, kind: 'merchant' as const };
    const first = await integration.trpc.reports.submit.mutate(reportInput({ subject }));
    const second = await integration.trpc.reports.submit.mutate(reportInput({ subject }));
    if (status !== 'triaged') {
      await server.db
        .updateTable('cases')
        .set({ status, assignee_id: staff.get('reviewer1') ?? null })
        .where('id', '=', first.caseId)
        .execute();
    }
    return { caseId: first.caseId, secondReport: second.reportId };
  }

  function upload(who: string | 'integration', caseId: number) {
    const headers: Record<string, string> =
      who === 'integration'
        ? { authorization: `Bearer ${token}` }
        : { cookie: cookieOf(as[who] as Client), 'x-verdict-csrf': '1' };
    return fetch(`${server.url}/api/cases/${caseId}/evidence?title=${encodeURIComponent('截图')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: new Uint8Array(pngBytes(2, 2, [Math.floor(Math.random() * 255), 1, 2])),
    });
  }

  it('keeps a triager from routing a case away from the reviewer holding it; a lead may', async () => {
    const held = await caseIn('assigned');
    const err = await errorOf(
      as.triager1?.trpc.cases.route.mutate({ caseId: held.caseId, queueId: 'special' }) ?? Promise.resolve(),
    );
    expect(err.data).toMatchObject({ code: 'FORBIDDEN', reason: 'case_held' });
    const row = await server.db.selectFrom('cases').selectAll().where('id', '=', held.caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'assigned', assignee_id: staff.get('reviewer1') });
    await as.lead1?.trpc.cases.route.mutate({ caseId: held.caseId, queueId: 'special' });
    // Unheld cases route as before.
    const free = await caseIn('triaged');
    expect(await as.triager1?.trpc.cases.route.mutate({ caseId: free.caseId, queueId: 'special' })).toEqual({
      status: 'triaged',
    });
    // And a decided one not at all.
    const decided = await caseIn('decided');
    const closed = await errorOf(
      as.lead1?.trpc.cases.route.mutate({ caseId: decided.caseId, queueId: 'special' }) ?? Promise.resolve(),
    );
    expect(closed.data).toMatchObject({ code: 'CONFLICT', reason: 'illegal_transition' });
  });

  it('splits reports only off cases not yet decided, and a held case only by a lead', async () => {
    for (const status of ['decided', 'appeal_window', 'final'] as const) {
      const c = await caseIn(status);
      const err = await errorOf(
        as.lead1?.trpc.cases.splitReport.mutate({ reportId: c.secondReport, reason: '误合并' }) ?? Promise.resolve(),
      );
      expect(err.data).toMatchObject({ code: 'CONFLICT', reason: 'illegal_transition' });
      const report = await server.db
        .selectFrom('reports')
        .select('case_id')
        .where('id', '=', c.secondReport)
        .executeTakeFirstOrThrow();
      expect(report.case_id).toBe(c.caseId);
    }
    const held = await caseIn('assigned');
    const err = await errorOf(
      as.triager1?.trpc.cases.splitReport.mutate({ reportId: held.secondReport, reason: '误合并' }) ??
        Promise.resolve(),
    );
    expect(err.data).toMatchObject({ code: 'FORBIDDEN', reason: 'case_held' });
    const split = await as.lead1?.trpc.cases.splitReport.mutate({ reportId: held.secondReport, reason: '误合并' });
    expect(split?.caseId).toBeGreaterThan(held.caseId);
  });

  it('takes evidence for a held case from its reviewer, a lead or an integration, and for a closed case from nobody', async () => {
    const held = await caseIn('assigned');
    const refused = await upload('reviewer2', held.caseId);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).error.reason).toBe('case_held');
    expect((await upload('triager1', held.caseId)).status).toBe(403);
    expect((await upload('reviewer1', held.caseId)).status).toBe(201);
    expect((await upload('lead1', held.caseId)).status).toBe(201);
    expect((await upload('integration', held.caseId)).status).toBe(201);
    for (const status of ['decided', 'final'] as const) {
      const closed = await caseIn(status);
      for (const who of ['reviewer1', 'reviewer2', 'lead1', 'integration']) {
        const response = await upload(who, closed.caseId);
        expect(response.status).toBe(409);
        expect(((await response.json()) as any).error.reason).toBe('illegal_transition');
      }
    }
    const files = await server.db
      .selectFrom('evidence')
      .select('case_id')
      .where('case_id', '=', held.caseId)
      .where('sha256', 'is not', null)
      .execute();
    expect(files).toHaveLength(3);
  });
});

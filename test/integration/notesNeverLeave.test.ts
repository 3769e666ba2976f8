import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signIn } from '../support/apiClient';
import { createIntegrationToken, createQueue, createStaff, TEST_PASSWORD } from '../support/factories';
import { applyFinding } from '../support/outboxFlow';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Notes are the desk's own: whatever reaches the subject or an integration (notices, outbox
 * messages and their deliveries, the enforcement feed, DSA statements, token-scoped answers)
 * must never carry them. A unique marker in notes on the case and on the subject, written
 * before the decision, is looked for in every one of those.
 */
describe.each(BACKENDS)('notes never leave the desk on %s', (backend) => {
  let server: TestServer;
  const marker = `内部备注标记-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(server.db, [
      { username: 'rev1', role: 'reviewer' },
      { username: 'rev2', role: 'reviewer' },
      { username: 'aud1', role: 'auditor' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], position: 99, members: [...staff.values()] });
  });
  afterAll(() => server.stop());

  it('keeps notes out of notices, the outbox, the enforcement feed, DSA statements and token answers', async () => {
    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    const portal = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'portal', ['appeals'])}`,
    });
    const poller = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'poller', ['enforcement'])}`,
    });
    const reviewer = await signIn(server.url, 'rev1', TEST_PASSWORD);
    const subjectId = 'M-SECRET';
    const { caseId } = await intake.trpc.reports.submit.mutate({
      externalId: 'ext-notes-1',
      source: 'user_report',
      subject: { id: subjectId, kind: 'merchant', name: '保密测试店' },
      rule: 'fake-transaction',
      summary: '疑似刷单',
    });
    await reviewer.trpc.notes.add.mutate({ target: { type: 'case', id: caseId }, text: `${marker} @rev2 看看` });
    await reviewer.trpc.notes.add.mutate({ target: { type: 'subject', id: subjectId }, text: `**${marker}**` });
    const c = await reviewer.trpc.cases.get.query({ id: caseId });
    expect(c.notes.map((n) => n.text)).toEqual([`${marker} @rev2 看看`]);
    await reviewer.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { transactions: 120, items: ['M-SECRET-item'] },
      reason: '依规处理',
    });
    // A second finding on the subject, after the notes, so the feed has more than one message.
    await applyFinding({ intake, reviewer }, 'M-OTHER');

    const leaks: string[] = [];
    const check = (where: string, value: unknown) => {
      if (JSON.stringify(value).includes(marker)) leaks.push(where);
    };

    for (const table of ['notices', 'outbox_messages', 'outbox_deliveries', 'enforcement_state'] as const)
      check(table, await server.db.selectFrom(table).selectAll().execute());
    const feed = await poller.trpc.enforcement.changes.query({ limit: 100 });
    expect(feed.items.length).toBeGreaterThan(0);
    check('enforcement.changes', feed);
    const status = await portal.trpc.appeals.status.query({ caseId });
    check('appeals.status', status);
    const appeal = await portal.trpc.appeals.submit.mutate({ caseId, statement: '我们没有刷单' });
    check('appeals.submit', appeal);
    check('appeals.status after appeal', await portal.trpc.appeals.status.query({ caseId }));

    const auditor = await signIn(server.url, 'aud1', TEST_PASSWORD);
    const cookie = [...auditor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const dsa = await fetch(`${server.url}/api/audit/export?format=dsa`, {
      headers: { cookie, 'x-verdict-csrf': '1' },
    });
    expect(dsa.status).toBe(200);
    const statements = await dsa.text();
    expect(statements).toContain(`verdict-case-${caseId}-`);
    check('DSA export', statements);
    // The full trail keeps the notes (it is the desk's record), and only auditors may export it.
    const reviewerCookie = [...reviewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const refused = await fetch(`${server.url}/api/audit/export?format=ndjson`, {
      headers: { cookie: reviewerCookie, 'x-verdict-csrf': '1' },
    });
    expect(refused.status).toBe(403);

    // Tokens reach no note procedure at all.
    for (const client of [intake, portal, poller]) {
      await expect(client.trpc.notes.list.query({ target: { type: 'case', id: caseId } })).rejects.toMatchObject({
        data: { code: 'FORBIDDEN' },
      });
      await expect(client.trpc.inbox.list.query()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    }
    expect(leaks).toEqual([]);
  });
});

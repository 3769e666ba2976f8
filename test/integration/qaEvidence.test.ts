/**
 * The blind QA page shows the case's files in the case page's viewers (<img>, links), which send
 * no header: qa.task must give each file's address a ticket, as cases.get does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/apiClient';
import { cookieOf, pngBytes } from '../support/evidenceFiles';
import { createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('evidence files on a blind QA task on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const ids = await createStaff(server.db, [
      { username: 'lead1', role: 'lead' },
      { username: 'rev1', role: 'reviewer' },
      { username: 'qa1', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...ids.values()] });
  });
  afterAll(() => server.stop());

  it('opens from the task’s own link, without the desk’s header, for the QA reviewer', async () => {
    const lead = await signIn(server.url, 'lead1', TEST_PASSWORD);
    const rev = await signIn(server.url, 'rev1', TEST_PASSWORD);
    const qa = await signIn(server.url, 'qa1', TEST_PASSWORD);
    await lead.trpc.qa.setPolicy.mutate({ queueId: 'general', percent: 100 });
    const { caseId } = await lead.trpc.reports.submit.mutate(
      reportInput({ subject: { id: 'M-QA-FILE', kind: 'merchant', name: '质检文件店铺' } }),
    );
    const png = pngBytes(3, 2, [200, 10, 10]);
    const uploaded = await fetch(
      `${server.url}/api/cases/${caseId}/evidence?kind=image&title=${encodeURIComponent('截图')}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', cookie: cookieOf(rev), 'x-verdict-csrf': '1' },
        body: new Uint8Array(png),
      },
    );
    expect(uploaded.status).toBe(201);
    const c = await rev.trpc.cases.get.query({ id: caseId });
    await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { transactions: 120 },
      reason: '刷单属实',
    });
    const next = await qa.trpc.qa.next.mutate({});
    const view = await qa.trpc.qa.task.query({ taskId: next?.taskId ?? 0 });
    const file = view.case.evidence.find((e) => e.contentType === 'image/png');
    expect(file?.contentUrl).toMatch(new RegExp(`^/api/evidence/${file?.id}/content\\?ticket=\\d+\\.[\\w-]+$`));
    const shown = await fetch(`${server.url}${file?.contentUrl}`, { headers: { cookie: cookieOf(qa) } });
    expect(shown.status).toBe(200);
    expect(Buffer.from(await shown.arrayBuffer()).equals(png)).toBe(true);
    // Without the ticket, the same GET is refused: the ticket is what lets it through.
    const bare = await fetch(`${server.url}/api/evidence/${file?.id}/content`, { headers: { cookie: cookieOf(qa) } });
    expect(bare.status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { cookieOf, pngBytes } from '../support/evidenceFiles';
import { createIntegrationToken, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(BACKENDS)('GET requests that write audit events, on %s', (backend) => {
  let server: TestServer;
  let reviewer: Client;
  let auditor: Client;
  let evidenceId: number;
  let caseId: number;

  beforeAll(async () => {
    server = await startTestServer(backend);
    await createStaff(server.db, [
      { username: 'reviewer1', role: 'reviewer' },
      { username: 'auditor1', role: 'auditor' },
    ]);
    reviewer = await signIn(server.url, 'reviewer1', TEST_PASSWORD);
    auditor = await signIn(server.url, 'auditor1', TEST_PASSWORD);
    const token = await createIntegrationToken(server.db, 'detector', ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    caseId = (await intake.trpc.reports.submit.mutate(reportInput())).caseId;
    const uploaded = await fetch(`${server.url}/api/cases/${caseId}/evidence?title=x`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: new Uint8Array(pngBytes()),
    });
    evidenceId = ((await uploaded.json()) as { evidenceId: number }).evidenceId;
  });
  afterAll(() => server.stop());

  const events = async (action: string) =>
    (await server.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;

  it('refuses an evidence view forged from another page (cookie only), and serves the case page’s ticketed link', async () => {
    const url = `${server.url}/api/evidence/${evidenceId}/content`;
    const forged = await fetch(url, { headers: { cookie: cookieOf(reviewer) } });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as any).error.reason).toBe('ticket_required');
    expect(await events('evidence.viewed')).toBe(0);

    const detail = await reviewer.trpc.cases.get.query({ id: caseId });
    const link = detail.evidence.find((e) => e.id === evidenceId)?.contentUrl ?? '';
    expect((await fetch(`${server.url}${link}`, { headers: { cookie: cookieOf(reviewer) } })).status).toBe(200);
    // The desk's own fetch (the header) is enough too.
    const viaFetch = await fetch(url, { headers: { cookie: cookieOf(reviewer), 'x-verdict-csrf': '1' } });
    expect(viaFetch.status).toBe(200);
    expect(await events('evidence.viewed')).toBe(2);
    // A ticket is bound to its session and its evidence.
    expect((await fetch(`${server.url}${link}`, { headers: { cookie: cookieOf(auditor) } })).status).toBe(403);
    const other = `${server.url}${link.replace(`/evidence/${evidenceId}/`, `/evidence/${evidenceId + 1}/`)}`;
    expect((await fetch(other, { headers: { cookie: cookieOf(reviewer) } })).status).toBe(403);
    const [expires, signature] = link.split('ticket=')[1]?.split('.') ?? [];
    const stretched = `${server.url}/api/evidence/${evidenceId}/content?ticket=${Number(expires) + 1000}.${signature}`;
    expect((await fetch(stretched, { headers: { cookie: cookieOf(reviewer) } })).status).toBe(403);
    expect(await events('evidence.viewed')).toBe(2);
  });

  it('refuses a plain cross-site audit export, and keeps the published URL for the header or a ticket', async () => {
    const url = `${server.url}/api/audit/export?format=csv`;
    const before = await events('audit.exported');
    const forged = await fetch(url, { headers: { cookie: cookieOf(auditor) } });
    expect(forged.status).toBe(403);
    expect(await events('audit.exported')).toBe(before);

    const withHeader = await fetch(url, { headers: { cookie: cookieOf(auditor), 'x-verdict-csrf': '1' } });
    expect(withHeader.status).toBe(200);
    await withHeader.text();
    const { ticket } = await auditor.trpc.audit.exportTicket.mutate();
    const withTicket = await fetch(`${url}&ticket=${ticket}`, { headers: { cookie: cookieOf(auditor) } });
    expect(withTicket.status).toBe(200);
    await withTicket.text();
    expect(await events('audit.exported')).toBe(before + 2);
    // The ticket itself is only handed out to the desk's page (a CSRF-protected mutation).
    const noHeader = await fetch(`${server.url}/trpc/audit.exportTicket`, {
      method: 'POST',
      headers: { cookie: cookieOf(auditor), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noHeader.status).toBe(403);
    expect((await errorOf(reviewer.trpc.audit.exportTicket.mutate())).data?.code).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/apiClient';
import { createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('hostile text on %s', (backend) => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    await createStaff(server.db, [{ username: 'triager1', role: 'triager' }]);
    cookie = `verdict_session=${(await signIn(server.url, 'triager1', TEST_PASSWORD)).cookies.get('verdict_session')}`;
  });
  afterAll(() => server.stop());

  async function post(path: string, body: string | Buffer) {
    const response = await fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-verdict-csrf': '1', cookie },
      body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const storedReports = async () =>
    Number(
      (
        await server.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a lone surrogate in text that goes into an audit event, naming the field', async () => {
    const { status, body } = await post('reports.submit', JSON.stringify(reportInput({ externalId: 'ext-\ud800' })));
    expect(status).toBe(400);
    expect(body.error.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'malformed_text', field: 'externalId' });
    expect(await storedReports()).toBe(0);
  });

  it('refuses a lone surrogate anywhere else instead of storing U+FFFD, keys included', async () => {
    const summary = await post('reports.submit', JSON.stringify(reportInput({ summary: '刷单\udfff证据' })));
    expect(summary.status).toBe(400);
    expect(summary.body.error.data).toMatchObject({ reason: 'malformed_text', field: 'summary' });
    const name = await post(
      'reports.submit',
      JSON.stringify(reportInput({ subject: { id: 'M-9', kind: 'merchant', name: '\ud83d店' } })),
    );
    expect(name.body.error.data).toMatchObject({ reason: 'malformed_text', field: 'subject.name' });
    const key = await post(
      'reports.submit',
      JSON.stringify(reportInput({ facts: Object.fromEntries([['\udc00', 1]]) })),
    );
    expect(key.body.error.data).toMatchObject({ reason: 'malformed_text', field: 'facts' });
    // A well-formed pair (an emoji) is ordinary text.
    expect((await post('reports.submit', JSON.stringify(reportInput({ summary: '刷单🤖' })))).status).toBe(200);
    expect(await storedReports()).toBe(1);
  });

  it('refuses U+0000 in a value or a key, which PostgreSQL cannot store (it was a 500 there)', async () => {
    const before = await storedReports();
    const summary = await post('reports.submit', JSON.stringify(reportInput({ summary: '刷单\u0000证据' })));
    expect(summary.status).toBe(400);
    expect(summary.body.error.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'malformed_text', field: 'summary' });
    const key = await post(
      'reports.submit',
      JSON.stringify(reportInput({ facts: Object.fromEntries([['a\u0000', 1]]) })),
    );
    expect(key.body.error.data).toMatchObject({ reason: 'malformed_text', field: 'facts' });
    expect(await storedReports()).toBe(before);
  });

  it('refuses facts and evidence nested 10,000 levels deep with 400', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const input = JSON.stringify(reportInput({ facts: '__DEEP__' })).replace('"__DEEP__"', deep);
    const facts = await post('reports.submit', input);
    expect(facts.status).toBe(400);
    expect(facts.body.error.data).toMatchObject({ reason: 'input_too_deep', field: 'facts.a.a' });
    const list = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const evidence = await post(
      'reports.submit',
      JSON.stringify(reportInput({ evidence: '__DEEP__' })).replace('"__DEEP__"', list),
    );
    expect(evidence.status).toBe(400);
    expect(evidence.body.error.data.field).toMatch(/^evidence/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses bodies and query strings that are not valid UTF-8 rather than decoding them to U+FFFD', async () => {
    const json = Buffer.from(JSON.stringify(reportInput({ summary: 'XX' })));
    const at = json.indexOf('XX');
    json[at] = 0xff;
    json[at + 1] = 0xfe;
    expect((await post('reports.submit', json)).status).toBe(400);
    const query = await fetch(`${server.url}/trpc/cases.get?input=%7B%22id%22%3A%ED%A0%80%7D`, {
      headers: { 'x-verdict-csrf': '1', cookie },
    });
    expect(query.status).toBe(400);
    expect(await storedReports()).toBe(1);
  });
});

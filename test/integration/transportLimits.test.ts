import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from '../../shared/api/transport';
import { signIn } from '../support/apiClient';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('transport limits on %s', (backend) => {
  let server: TestServer;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer(backend, { env: { DESK_EXPENSIVE_PER_MINUTE: '3' } });
    await createStaff(server.db, [
      { username: 'auditor1', role: 'auditor' },
      { username: 'auditor2', role: 'auditor' },
      { username: 'lead1', role: 'lead' },
    ]);
    for (const name of ['auditor1', 'auditor2', 'lead1']) {
      const client = await signIn(server.url, name, TEST_PASSWORD);
      cookies.set(name, `verdict_session=${client.cookies.get('verdict_session')}`);
    }
  });
  afterAll(() => server.stop());

  const batchGet = (who: string, path: string, calls: number) => {
    const paths = Array.from({ length: calls }, () => path).join(',');
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}]))),
    );
    return fetch(`${server.url}/trpc/${paths}?batch=1&input=${input}`, {
      headers: { cookie: cookies.get(who) ?? '', 'x-verdict-csrf': '1' },
    });
  };

  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls with 400 and says why`, async () => {
    const response = await batchGet('lead1', 'auth.me', MAX_BATCH_CALLS + 1);
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    const error = Array.isArray(body) ? body[0].error : body.error;
    expect(error.message).toBe(`a batched request may hold at most ${MAX_BATCH_CALLS} calls`);
    expect(error.data.reason).toBe('batch_too_large');
    expect((await batchGet('lead1', 'auth.me', MAX_BATCH_CALLS)).status).toBe(200);
    expect((await batchGet('auditor1', 'audit.verify', 400)).status).toBe(400);
  });

  it('gives each staff member a per-minute budget of whole-chain verifies and dashboards', async () => {
    const verify = (who: string) =>
      fetch(`${server.url}/trpc/audit.verify`, { headers: { cookie: cookies.get(who) ?? '' } });
    expect([
      (await verify('auditor1')).status,
      (await verify('auditor1')).status,
      (await verify('auditor1')).status,
    ]).toEqual([200, 200, 200]);
    const refused = await verify('auditor1');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as any).error.data.code).toBe('TOO_MANY_REQUESTS');
    // The budget is per person: a colleague is not held back.
    expect((await verify('auditor2')).status).toBe(200);
    // A batch spends one unit per call.
    const batch = await batchGet('lead1', 'metrics.dashboard', 4);
    expect(batch.status).toBe(207);
    const results = (await batch.json()) as any[];
    expect(results.map((r) => r.error?.data?.code ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'TOO_MANY_REQUESTS']);
  });
});

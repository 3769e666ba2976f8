import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('staff sign-in on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock('2026-11-23T09:00:00+08:00');

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: true, clock });
  });
  afterAll(() => server.stop());

  it('signs in with an HttpOnly, SameSite session cookie and knows who is signed in', async () => {
    const response = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reviewer', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/verdict_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const client = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    const me = await client.trpc.auth.me.query();
    expect(me).toMatchObject({ username: 'reviewer', role: 'reviewer', displayName: '审核员 李明' });
  });

  it('stores only a hash of the session token', async () => {
    const client = await signIn(server.url, 'lead', DEMO_PASSWORD);
    const token = client.cookies.get('verdict_session');
    const rows = await server.db.selectFrom('sessions').select('id').execute();
    expect(token).toBeTruthy();
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('rejects a wrong password with a stable reason and no cookie', async () => {
    const client = createApiClient(server.url);
    const err = await errorOf(client.trpc.auth.login.mutate({ username: 'reviewer', password: 'wrong-password' }));
    expect(err.data?.code).toBe('UNAUTHORIZED');
    expect(err.data?.reason).toBe('invalid_credentials');
    expect(client.cookies.size).toBe(0);
    // An unknown user gets exactly the same answer, so names cannot be probed.
    const unknown = await errorOf(client.trpc.auth.login.mutate({ username: 'nobody', password: 'wrong-password' }));
    expect(unknown.data?.reason).toBe('invalid_credentials');
  });

  it('locks an account after five failures, with back-off, and audits each failure', async () => {
    const client = createApiClient(server.url);
    for (let i = 0; i < 5; i++) {
      await errorOf(client.trpc.auth.login.mutate({ username: 'triager', password: `nope-${i}-xxxx` }));
    }
    const locked = await errorOf(client.trpc.auth.login.mutate({ username: 'triager', password: DEMO_PASSWORD }));
    expect(locked.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.data?.reason).toBe('account_locked');
    const failures = await server.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(5);

    clock.advance(61_000);
    await expect(client.trpc.auth.login.mutate({ username: 'triager', password: DEMO_PASSWORD })).resolves.toBeTruthy();
  });

  it('signs out: the session no longer works even if the cookie is replayed', async () => {
    const client = await signIn(server.url, 'auditor', DEMO_PASSWORD);
    const token = client.cookies.get('verdict_session');
    await client.trpc.auth.logout.mutate();
    expect(await client.trpc.auth.me.query()).toBeNull();
    const replay = createApiClient(server.url, { cookie: `verdict_session=${token}` });
    expect(await replay.trpc.auth.me.query()).toBeNull();
  });

  it('ends a session left idle past the idle timeout', async () => {
    const client = await signIn(server.url, 'appeals', DEMO_PASSWORD);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    clock.advance(121 * 60_000);
    expect(await client.trpc.auth.me.query()).toBeNull();
  });

  it('lists cases only for signed-in staff', async () => {
    const anonymous = createApiClient(server.url);
    const denied = await errorOf(anonymous.trpc.cases.list.query({}));
    expect(denied.data?.code).toBe('UNAUTHORIZED');

    const client = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    const page1 = await client.trpc.cases.list.query({ status: 'all', limit: 150 });
    expect(page1.total).toBe(200);
    expect(page1.items).toHaveLength(150);
    const page2 = await client.trpc.cases.list.query({ status: 'all', limit: 150, cursor: page1.nextCursor ?? '' });
    expect(page2.items).toHaveLength(50);
    expect(page2.nextCursor).toBeNull();
    const ids = new Set([...page1.items, ...page2.items].map((c) => c.id));
    expect(ids.size).toBe(200);
    // Most urgent first across the page boundary.
    const scores = [...page1.items, ...page2.items].map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers a forged cursor with BAD_REQUEST naming the field', async () => {
    const client = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    const err = await errorOf(client.trpc.cases.list.query({ cursor: 'not-a-cursor' }));
    expect(err.data?.code).toBe('BAD_REQUEST');
    expect(err.data?.field).toBe('cursor');
  });
});

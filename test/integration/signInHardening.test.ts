import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { type RunningServer, startServer } from '../../server/server';
import { createStaffUser } from '../../server/services/users.service';
import { DeskError } from '../../shared/errors/deskError';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createStaff, systemContext, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const PARALLEL = 40;

async function failedChecks(server: TestServer, userId: number): Promise<number> {
  const rows = await server.db
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', 'auth.login_failed')
    .where('target_id', '=', String(userId))
    .execute();
  return rows.length;
}

/** Fires `count` wrong-password sign-ins at once, spread over `urls`; returns each answer's reason. */
async function guessInParallel(urls: string[], username: string, count: number): Promise<string[]> {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      errorOf(
        createApiClient(urls[i % urls.length] ?? '').trpc.auth.login.mutate({
          username,
          password: `wrong-guess-${i}-zq`,
        }),
      ),
    ),
  );
  return answers.map((e) => String(e.data?.reason));
}

describe.each(BACKENDS)('sign-in hardening on %s', (backend) => {
  let server: TestServer;
  let ids: Map<string, number>;
  const clock = fakeClock('2026-11-23T09:00:00+08:00');

  beforeAll(async () => {
    server = await startTestServer(backend, { clock, env: { DESK_SESSION_IDLE_MINUTES: '2' } });
    ids = await createStaff(server.db, [
      { username: 'target', role: 'reviewer' },
      { username: 'target2', role: 'reviewer' },
      { username: 'known', role: 'reviewer' },
      { username: 'idler', role: 'reviewer' },
    ]);
  });
  afterAll(() => server.stop());

  it(`runs at most five password checks for ${PARALLEL} parallel wrong guesses, then locks`, async () => {
    const reasons = await guessInParallel([server.url], 'target', PARALLEL);
    expect(reasons.filter((r) => r === 'invalid_credentials')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'account_locked')).toHaveLength(PARALLEL - 5);
    expect(await failedChecks(server, ids.get('target') ?? 0)).toBe(5);
    const row = await server.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'target')
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(5);
    expect(row.locked_until).not.toBeNull();
    // Even the right password waits for the lock to pass.
    const locked = await errorOf(signIn(server.url, 'target', TEST_PASSWORD));
    expect(locked.data?.reason).toBe('account_locked');
    clock.advance(61_000);
    const client = await signIn(server.url, 'target', TEST_PASSWORD);
    expect(await client.trpc.auth.me.query()).toMatchObject({ username: 'target' });
  });

  it('answers an unknown name exactly like a real one, lock included', async () => {
    const known = await guessInParallel([server.url], 'known', 8);
    const unknown = await guessInParallel([server.url], 'no-such-person', 8);
    expect(unknown.sort()).toEqual(known.sort());
    expect(unknown.filter((r) => r === 'account_locked')).toHaveLength(3);
    // The details are the same shape too: a lock end, a minute from now, for both.
    const a = await errorOf(createApiClient(server.url).trpc.auth.login.mutate({ username: 'known', password: 'x' }));
    const b = await errorOf(
      createApiClient(server.url).trpc.auth.login.mutate({ username: 'no-such-person', password: 'x' }),
    );
    expect(Object.keys(a.data?.details ?? {})).toEqual(Object.keys(b.data?.details ?? {}));
    expect(a.data?.httpStatus).toBe(b.data?.httpStatus);
    clock.advance(61_000);
  });

  it('takes as long to refuse an unknown name as a real one', async () => {
    const time = async (username: string) => {
      const started = performance.now();
      await errorOf(createApiClient(server.url).trpc.auth.login.mutate({ username, password: 'not-it-at-all' }));
      return performance.now() - started;
    };
    // Compare medians of 4 each (under the lock's threshold), in alternating order so neither
    // path always runs first (a PostgreSQL commit that happens to be slow lands on either side):
    // the unknown name must pay the same argon2 work; without it the answer comes 5-10x sooner.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      if (i % 2 === 0) {
        known.push(await time('target2'));
        unknown.push(await time(`nobody-${i}`));
      } else {
        unknown.push(await time(`nobody-${i}`));
        known.push(await time('target2'));
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    clock.advance(61_000);
  });

  it("refuses easily guessed passwords with the estimator's feedback, and takes strong ones", async () => {
    const ctx = systemContext(server.db);
    const cases: [string, string | null][] = [
      ['abcdefghijkl', 'sequences'],
      ['hellohello', 'extendedRepeat'],
      ['demo-pass-2026', 'userInputs'],
      ['wangfang2026', 'userInputs'],
    ];
    for (const [password, warning] of cases) {
      const err = await createStaffUser(ctx, {
        username: 'wang.fang',
        displayName: 'Wang Fang',
        role: 'reviewer',
        password,
      }).catch((e: unknown) => e);
      expect(err, password).toBeInstanceOf(DeskError);
      expect((err as DeskError).reason, password).toBe('password_weak');
      expect((err as DeskError).details, password).toMatchObject({ field: 'password', warning });
      expect(((err as DeskError).details?.suggestions as string[] | undefined)?.length, password).toBeGreaterThan(0);
    }
    await expect(
      createStaffUser(ctx, { username: 'wang.fang', role: 'reviewer', password: 'Lantern-Orchid-Harbour-42' }),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it('keeps a session alive while it is used, and ends it exactly one idle window after the last use', async () => {
    // DESK_SESSION_IDLE_MINUTES=2 here: a touch only once a minute would end this session early.
    const client = await signIn(server.url, 'idler', TEST_PASSWORD);
    for (let i = 0; i < 4; i++) {
      clock.advance(50_000);
      expect(await client.trpc.auth.me.query(), `use ${i}`).not.toBeNull();
    }
    clock.advance(119_000);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    clock.advance(120_000);
    expect(await client.trpc.auth.me.query()).toBeNull();
  });
});

describe.runIf(BACKENDS.includes('postgres'))('parallel guesses spread over two instances on PostgreSQL', () => {
  let server: TestServer;
  let second: RunningServer;
  let targetId: number;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: server.databaseUrl,
      DESK_DEMO: '0',
      LOG_LEVEL: 'silent',
      DESK_LOGIN_ATTEMPTS_PER_5MIN: '100000',
    });
    second = await startServer(config, { logger: pino({ level: 'silent' }) });
    targetId =
      (await createStaff(server.db, [{ username: 'shared-target', role: 'reviewer' }])).get('shared-target') ?? 0;
  });
  afterAll(async () => {
    await second?.close();
    await server?.stop();
  });

  it(`still runs at most five password checks for ${PARALLEL} guesses`, async () => {
    const reasons = await guessInParallel([server.url, second.url], 'shared-target', PARALLEL);
    expect(reasons.filter((r) => r === 'invalid_credentials')).toHaveLength(5);
    expect(await failedChecks(server, targetId)).toBe(5);
  });
});

describe('client addresses and HTTPS behind a proxy', () => {
  it('ignores X-Forwarded-For and -Proto unless DESK_TRUST_PROXY names the proxy', async () => {
    const server = await startTestServer('sqlite', { env: { DESK_LOGIN_ATTEMPTS_PER_5MIN: '3' } });
    try {
      await createStaff(server.db, [{ username: 'proxied', role: 'reviewer' }]);
      // Rotating the header does not buy a fresh sign-in budget.
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const client = createApiClient(server.url, { 'x-forwarded-for': `203.0.113.${i}` });
        codes.push(
          String(
            (await errorOf(client.trpc.auth.login.mutate({ username: `ghost${i}`, password: 'nope-nope' }))).data?.code,
          ),
        );
      }
      expect(codes.slice(-2)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
      const ips = await server.db
        .selectFrom('audit_events')
        .select('ip')
        .where('action', '=', 'auth.login_failed')
        .execute();
      expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(['127.0.0.1']));
      // Nor does a forged X-Forwarded-Proto make the cookie Secure (which would break plain-http sign-in).
      const response = await fetch(`${server.url}/trpc/auth.login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '198.51.100.7',
        },
        body: JSON.stringify({ username: 'proxied', password: TEST_PASSWORD }),
      });
      expect(response.headers.getSetCookie().join(';')).not.toMatch(/;\s*Secure/i);
    } finally {
      await server.stop();
    }
  });

  it('believes a configured proxy: the client address is audited and HTTPS marks the cookie Secure', async () => {
    const server = await startTestServer('sqlite', { env: { DESK_TRUST_PROXY: 'loopback' } });
    try {
      await createStaff(server.db, [{ username: 'proxied', role: 'reviewer' }]);
      const response = await fetch(`${server.url}/trpc/auth.login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '198.51.100.7',
        },
        body: JSON.stringify({ username: 'proxied', password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie().join(';')).toMatch(/verdict_session=[^;]+;.*Secure/i);
      const login = await server.db
        .selectFrom('audit_events')
        .select('ip')
        .where('action', '=', 'auth.login')
        .executeTakeFirstOrThrow();
      expect(login.ip).toBe('198.51.100.7');
    } finally {
      await server.stop();
    }
  });

  it('refuses a DESK_TRUST_PROXY that is no address', async () => {
    await expect(startTestServer('sqlite', { env: { DESK_TRUST_PROXY: 'nonsense/99' } })).rejects.toThrow(/invalid IP/);
  });
});

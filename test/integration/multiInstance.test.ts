import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { sweepRateLimits } from '../../server/jobs/rateLimitSweeper';
import { type RunningServer, startServer } from '../../server/server';
import { consume, createRateLimits } from '../../server/trpc/rateLimits';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, insertTriagedCases, TEST_PASSWORD } from '../support/factories';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

const REVIEWERS = 16;
const CASES = 1000;
const CALLS_EACH = 80;

// Several desks on one PostgreSQL: shared sessions, race-free claims, live updates fanned out.
describe.runIf(BACKENDS.includes('postgres'))('two server instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let db: Db;
  let close: () => Promise<void>;
  let a: RunningServer;
  let b: RunningServer;
  let reviewerIds: number[];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const handle = openDatabase(database.url);
    db = handle.db;
    close = handle.close;
    await migrateToLatest(db);
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: database.url,
      DESK_DEMO: '0',
      LOG_LEVEL: 'silent',
      DESK_LOGIN_ATTEMPTS_PER_5MIN: '100000',
    });
    [a, b] = await Promise.all([
      startServer(config, { logger: pino({ level: 'silent' }) }),
      startServer(config, { logger: pino({ level: 'silent' }) }),
    ]);
    const staff = await createStaff(
      db,
      Array.from({ length: REVIEWERS }, (_, i) => ({ username: `pg${i}`, role: 'reviewer' as const })),
    );
    reviewerIds = [...staff.values()];
    await createQueue(db, 'race', { members: reviewerIds });
    await insertTriagedCases(db, 'race', CASES);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await close?.();
    await database?.drop();
  });

  it('shares sessions: signed in on one instance, recognised on the other', async () => {
    const onA = await signIn(a.url, 'pg0', TEST_PASSWORD);
    const onB = createApiClient(b.url, { cookie: `verdict_session=${onA.cookies.get('verdict_session')}` });
    expect(await onB.trpc.auth.me.query()).toMatchObject({ username: 'pg0' });
  });

  it('fans a claim on one instance out to live views on the other (LISTEN/NOTIFY)', async () => {
    const watcher = await signIn(a.url, 'pg1', TEST_PASSWORD);
    const controller = new AbortController();
    const response = await fetch(`${a.url}/trpc/cases.changes`, {
      headers: { accept: 'text/event-stream', cookie: `verdict_session=${watcher.cookies.get('verdict_session')}` },
      signal: controller.signal,
    });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    const claimer = await signIn(b.url, 'pg2', TEST_PASSWORD);
    const claimed = await claimer.trpc.queue.next.mutate({});
    let seen = '';
    const deadline = Date.now() + 10_000;
    // One read in flight at a time: a read abandoned to a timeout would still take the next
    // chunk, and what it read would be lost to `seen`.
    let pending = reader?.read();
    while (pending && !seen.includes(`"caseId":${claimed?.caseId}`) && Date.now() < deadline) {
      const chunk = await Promise.race([pending, new Promise<'tick'>((r) => setTimeout(r, 500, 'tick'))]);
      if (chunk === 'tick') continue;
      if (chunk.done) break;
      seen += chunk.value;
      pending = reader?.read();
    }
    // The read still in flight ends with the abort; that rejection is expected.
    pending?.catch(() => {});
    controller.abort();
    expect(seen).toContain(`"caseId":${claimed?.caseId}`);
    expect(seen).toContain('"action":"claimed"');
    // Put it back for the race below.
    await db
      .updateTable('cases')
      .set({ status: 'triaged', assignee_id: null, lease_until: null })
      .where('id', '=', claimed?.caseId ?? 0)
      .execute();
  });

  it(`races ${REVIEWERS} reviewers across both instances: every case claimed exactly once, one unforked audit chain`, async () => {
    const clients = await Promise.all(
      reviewerIds.map((_, i) => signIn(i % 2 ? b.url : a.url, `pg${i}`, TEST_PASSWORD)),
    );
    const claimed = await Promise.all(
      clients.map(async (client) => {
        const mine: number[] = [];
        for (let call = 0; call < CALLS_EACH; call++) {
          const next = await client.trpc.queue.next.mutate({});
          if (next) mine.push(next.caseId);
        }
        return mine;
      }),
    );
    const all = claimed.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(CASES);
    const owners = await db.selectFrom('cases').select(['id', 'assignee_id']).where('queue', '=', 'race').execute();
    const owner = new Map(owners.map((o) => [o.id, o.assignee_id]));
    claimed.forEach((ids, i) => {
      for (const id of ids) expect(owner.get(id)).toBe(reviewerIds[i]);
    });
    const chain = await verifyChain(db);
    expect(chain.ok).toBe(true);
  }, 120_000);
});

// A password guesser gets one budget of sign-in attempts per address, however many instances
// the balancer spreads its attempts over.
describe.runIf(BACKENDS.includes('postgres'))('sign-in attempts across two instances on one PostgreSQL', () => {
  const ATTEMPTS = 4;
  let database: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: database.url,
      DESK_DEMO: '0',
      LOG_LEVEL: 'silent',
      DESK_LOGIN_ATTEMPTS_PER_5MIN: String(ATTEMPTS),
    });
    // One after the other: both would migrate the same fresh database.
    a = await startServer(config, { logger: pino({ level: 'silent' }) });
    b = await startServer(config, { logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('share one budget per client address, kept in the database', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < ATTEMPTS + 2; i++) {
      const client = createApiClient(i % 2 ? b.url : a.url);
      const err = await errorOf(client.trpc.auth.login.mutate({ username: `ghost${i}`, password: 'wrong-password' }));
      codes.push(err.data?.code);
    }
    // In memory, each instance would have allowed 4: all six attempts would have been judged.
    expect(codes).toEqual([
      ...Array.from({ length: ATTEMPTS }, () => 'UNAUTHORIZED'),
      'TOO_MANY_REQUESTS',
      'TOO_MANY_REQUESTS',
    ]);
    const handle = openDatabase(database.url);
    try {
      const rows = await handle.db.selectFrom('rate_limits').select(['key', 'points']).execute();
      expect(rows).toEqual([{ key: expect.stringMatching(/^login:/), points: ATTEMPTS + 2 }]);
    } finally {
      await handle.close();
    }
  });

  it('are swept an hour after their window ends', async () => {
    const handle = openDatabase(database.url);
    try {
      const now = Date.now();
      await handle.db
        .insertInto('rate_limits')
        .values([
          { key: 'login:198.51.100.1', points: 3, expire: now - 2 * 3_600_000 },
          { key: 'login:198.51.100.2', points: 3, expire: now - 60_000 },
        ])
        .execute();
      expect(await sweepRateLimits(handle.db, now)).toBe(1);
      const left = await handle.db.selectFrom('rate_limits').select('key').orderBy('key').execute();
      expect(left.map((r) => r.key)).not.toContain('login:198.51.100.1');
      expect(left.map((r) => r.key)).toContain('login:198.51.100.2');
    } finally {
      await handle.close();
    }
  });

  it('fall back to a budget in memory when the database cannot keep it', async () => {
    // A database without the table: every query of the shared limiter fails.
    const bare = await createTestDatabase('postgres');
    const pool = new pg.Pool({ connectionString: bare.url, max: 1 });
    try {
      const limits = createRateLimits({ loginPer5Min: 2, intakePerSecond: 1 }, pool);
      await consume(limits.login, '203.0.113.7');
      await consume(limits.login, '203.0.113.7');
      const refused = await consume(limits.login, '203.0.113.7').catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    } finally {
      await pool.end();
      await bare.drop();
    }
  });
});

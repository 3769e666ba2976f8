import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { type RunningServer, startServer } from '../../server/server';
import { createApiClient, signIn } from '../support/apiClient';
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

import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { type RunningServer, startServer } from '../../server/server';
import { signIn } from '../support/apiClient';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { inboxStream } from '../support/inboxStream';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

// A mention written through one instance rings the bell of a colleague connected to another.
describe.runIf(BACKENDS.includes('postgres'))('note mentions across two instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let close: () => Promise<void>;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const handle = openDatabase(database.url);
    close = handle.close;
    await migrateToLatest(handle.db);
    const config = loadConfig({ PORT: '0', DATABASE_URL: database.url, DESK_DEMO: '0', LOG_LEVEL: 'silent' });
    [a, b] = await Promise.all([
      startServer(config, { logger: pino({ level: 'silent' }) }),
      startServer(config, { logger: pino({ level: 'silent' }) }),
    ]);
    await createStaff(handle.db, [
      { username: 'author', role: 'reviewer' },
      { username: 'reader', role: 'reviewer' },
    ]);
    await handle.db
      .insertInto('subjects')
      .values({
        id: 'M-TWO',
        kind: 'merchant',
        name: '两地店',
        shop_level: null,
        registered_at: null,
        created_at: new Date().toISOString(),
      })
      .execute();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await close?.();
    await database?.drop();
  });

  it('pings the mentioned colleague on the other instance', async () => {
    const reader = await signIn(a.url, 'reader', TEST_PASSWORD);
    const stream = await inboxStream(a.url, reader);
    const author = await signIn(b.url, 'author', TEST_PASSWORD);
    await author.trpc.notes.add.mutate({ target: { type: 'subject', id: 'M-TWO' }, text: '@reader 请看' });
    await expect.poll(() => stream.pings, { timeout: 5000, interval: 20 }).toBe(1);
    stream.close();
    expect((await reader.trpc.inbox.list.query()).unread).toBe(1);
  });
});

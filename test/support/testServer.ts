import { pino } from 'pino';
import type { Clock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { type RunningServer, startServer } from '../../server/server';
import { type Backend, createTestDatabase } from './testDatabase';

export interface TestServer extends RunningServer {
  backend: Backend;
  /** For tests that open more connections (e.g. a second instance's). */
  databaseUrl: string;
  /** A second connection for assertions on stored data. */
  db: Db;
  stop(): Promise<void>;
}

/** A real server on an ephemeral loopback port over a brand-new database. */
export async function startTestServer(
  backend: Backend,
  options: { demo?: boolean; clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(backend);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DESK_DEMO: options.demo ? '1' : '0',
    LOG_LEVEL: 'silent',
    // Tests sign in far more often than people do; the limit itself has its own test.
    DESK_LOGIN_ATTEMPTS_PER_5MIN: '100000',
    // Likewise dashboards and audit verifies; the budget itself has its own test.
    DESK_EXPENSIVE_PER_MINUTE: '100000',
    // Tests change queues faster than a cached forecast would notice.
    DESK_PACE_CACHE_SECONDS: '0',
    // Fake clocks jump weeks: a timer-driven end-of-measure sweep would add messages and audit
    // events mid-test. Tests of it call endDueMeasures themselves (or set this lower).
    DESK_OUTBOX_SCHEDULER_MS: '3600000',
    // The tests' webhook receivers listen on loopback, which the desk otherwise refuses to call.
    DESK_OUTBOX_ALLOW_HOSTS: '127.0.0.1',
    ...options.env,
  });
  const server = await startServer(config, { clock: options.clock, logger: pino({ level: 'silent' }) });
  const inspector = openDatabase(database.url);
  return {
    ...server,
    backend,
    databaseUrl: database.url,
    db: inspector.db,
    stop: async () => {
      await server.close();
      await inspector.close();
      await database.drop();
    },
  };
}

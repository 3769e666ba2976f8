import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { DemoExposureError } from '../../server/demo/demoAccounts';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { startServer } from '../../server/server';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

const ROOT = resolve(import.meta.dirname, '../..');

/** A desk configured as `npm start` would be from these variables (quiet, no timers in the way). */
const start = (env: Record<string, string>) =>
  startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DESK_AUDIT_ANCHOR_FILE: 'off',
      DESK_OUTBOX: '0',
      ...env,
    }),
    { logger: pino({ level: 'silent' }) },
  );

describe('demo data defaults', () => {
  it('is on for the embedded SQLite database and off for PostgreSQL unless DESK_DEMO=1 forces it', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'sqlite:./x.sqlite' }).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'sqlite:./x.sqlite', DESK_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://desk@db/verdict' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://desk@db/verdict' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://desk@db/verdict', DESK_DEMO: '1' }).demo).toBe(true);
  });
});

describe.each(BACKENDS.filter((b) => b === 'postgres'))('an empty %s database by default', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(() => database?.drop());

  it('gets no demo staff and prints no demo logins', async () => {
    const server = await start({ DATABASE_URL: database.url });
    const inspector = openDatabase(database.url);
    try {
      expect(server.demoLogins).toEqual([]);
      expect(await inspector.db.selectFrom('users').select('id').execute()).toEqual([]);
    } finally {
      await server.close();
      await inspector.close();
    }
  });
});

describe('a desk holding demo accounts', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database?.drop());

  it('refuses to seed them, or to listen, on a non-loopback HOST unless DESK_DEMO_ALLOW_REMOTE=1', async () => {
    const url = database.url;
    // An empty database and a public interface: nothing is seeded.
    await expect(start({ DATABASE_URL: url, HOST: '0.0.0.0' })).rejects.toThrow(
      /^Refusing to seed demo accounts on a desk listening on HOST=0\.0\.0\.0/,
    );
    const inspector = openDatabase(url);
    try {
      expect(await inspector.db.selectFrom('users').select('id').execute()).toEqual([]);

      const local = await start({ DATABASE_URL: url });
      expect(local.demoLogins.map((l) => l.username)).toContain('admin');
      expect(local.demoLogins.every((l) => l.password === DEMO_PASSWORD)).toBe(true);
      await local.close();

      // DESK_DEMO=0 seeds nothing more, but the accounts are there: still refused, in one line.
      const refused = await start({ DATABASE_URL: url, HOST: '0.0.0.0', DESK_DEMO: '0' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DemoExposureError);
      expect(String((refused as Error).message)).toMatch(
        /^Refusing to listen on HOST=0\.0\.0\.0: this database holds demo/,
      );
      expect(String((refused as Error).message)).not.toContain('\n');

      const allowed = await start({ DATABASE_URL: url, HOST: '0.0.0.0', DESK_DEMO_ALLOW_REMOTE: '1' });
      expect(allowed.demoLogins.length).toBeGreaterThan(0);
      await allowed.close();

      // Once every demo password is changed, they are no longer demo logins: nothing printed, no refusal.
      await inspector.db
        .updateTable('users')
        .set({ password_hash: await hashPassword('a-real-password-2026') })
        .execute();
      const changed = await start({ DATABASE_URL: url, DESK_DEMO: '0' });
      expect(changed.demoLogins).toEqual([]);
      await changed.close();
    } finally {
      await inspector.close();
    }
  });

  it('`npm start` prints the refusal as one line and exits 1', async () => {
    const holding = await createTestDatabase('sqlite');
    try {
      const seeded = await start({ DATABASE_URL: holding.url });
      await seeded.close();
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
        const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['server/index.ts'], {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: holding.url,
            HOST: '0.0.0.0',
            PORT: '0',
            LOG_LEVEL: 'silent',
            DESK_DEMO: '0',
            DESK_AUDIT_ANCHOR_FILE: 'off',
          },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => {
          stdout += d;
        });
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('error', fail);
        child.on('close', (code) => {
          clearTimeout(timer);
          done({ code, stdout, stderr });
        });
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Refusing to listen on HOST=0\.0\.0\.0/)]);
    } finally {
      await holding.drop();
    }
  }, 60_000);
});

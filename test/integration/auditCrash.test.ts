import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { runDesk } from '../support/runDesk';

const ROOT = resolve(import.meta.dirname, '../..');

/** PORT=0 would not tell us the port, so take a free one and hand it over. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One sign-in attempt; the body is read so the connection is free for the next one. */
async function login(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('killing the server (SIGKILL) in the middle of audited writes', () => {
  let dir: string;
  let databaseUrl: string;
  let server: ChildProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'verdict-crash-'));
    databaseUrl = `sqlite:${join(dir, 'desk.sqlite')}`;
  });
  afterAll(() => {
    // Only when the test failed before its own kill: the server group would outlive the run.
    if (server?.pid && server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a chain that verifies, with every committed change and its event together', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Its own process group: tsx runs the server in a child, and SIGKILL must reach that child.
    server = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['server/index.ts'], {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DESK_DEMO: '1',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DESK_AUDIT_ANCHOR_FILE: 'off',
      },
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => server?.once('exit', (_code, signal) => done(signal)));
    await until(async () => (await fetch(`${url}/healthz`)).ok, 45_000, 'the server to start');

    const inspector = openDatabase(databaseUrl);
    const auditCount = async () =>
      Number(
        (
          await inspector.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    try {
      const before = await auditCount();
      let killed = false;
      // Failed sign-ins (a user row update and an event each, until the account locks) and
      // successful ones (a session row, a user update and an event each). One worker per
      // user, so at most one attempt per account is in flight when the kill comes.
      const workers = [
        ...['reviewer', 'reviewer2', 'senior', 'appeals', 'triager', 'lead'].map((username) => ({
          username,
          ok: false,
        })),
        { username: 'auditor', ok: true },
        { username: 'admin', ok: true },
      ];
      const storm = workers.map(async ({ username, ok }, worker) => {
        for (let i = 0; !killed; i++) {
          await login(url, username, ok ? DEMO_PASSWORD : `wrong-${worker}-${i}-password`).catch(() => {
            killed = true;
          });
        }
      });
      // Other processes writing the same file meanwhile: the operator CLI adding staff.
      const operators = Array.from({ length: 3 }, async (_, n) => {
        for (let i = 0; i < 2; i++)
          await runDesk(['user', 'add', `crash.user${n}${i}`, '--role', 'reviewer'], {
            env: { DATABASE_URL: databaseUrl, DESK_PASSWORD: 'crash-test-password-1' },
          });
      });

      await until(async () => (await auditCount()) >= before + 12, 60_000, 'the write load');
      if (server.pid) process.kill(-server.pid, 'SIGKILL');
      expect(await exited).toBe('SIGKILL');
      killed = true;
      await Promise.all([...storm, ...operators]);
    } finally {
      await inspector.close();
    }

    // The trail verifies after the crash.
    const verify = await runDesk(['audit', 'verify'], {
      env: { DATABASE_URL: databaseUrl, DESK_AUDIT_ANCHOR_FILE: 'off' },
    });
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    const [, count, head] = verify.stdout.trim().split(' ');

    const db = openDatabase(databaseUrl);
    try {
      expect((await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db.db)).rows).toEqual([
        { integrity_check: 'ok' },
      ]);
      const last = await db.db
        .selectFrom('audit_events')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect({ count: Number(count), head }).toEqual({ count: last.seq, head: last.hash });

      // No change without its event, no event without its change.
      const users = await db.db.selectFrom('users').select(['id', 'username', 'failed_logins']).execute();
      const events = await db.db.selectFrom('audit_events').select(['action', 'target_id']).execute();
      const eventsFor = (action: string, id: number) =>
        events.filter((e) => e.action === action && e.target_id === String(id)).length;
      const sessions = await db.db.selectFrom('sessions').select('user_id').execute();
      for (const user of users) {
        if (['auditor', 'admin'].includes(user.username)) {
          expect(sessions.filter((s) => s.user_id === user.id).length, user.username).toBe(
            eventsFor('auth.login', user.id),
          );
        } else {
          // Each attempt is reserved (counted) before the password check and its failure is
          // audited after it, so the one attempt in flight when the kill came may be counted
          // without its event: it errs towards locking, never towards a free guess.
          const failures = eventsFor('auth.login_failed', user.id);
          expect(user.failed_logins, user.username).toBeGreaterThanOrEqual(failures);
          expect(user.failed_logins, user.username).toBeLessThanOrEqual(failures + 1);
        }
      }
      const added = users.filter((u) => u.username.startsWith('crash.'));
      expect(added.length).toBeGreaterThan(0);
      for (const user of added) expect(eventsFor('user.created', user.id), user.username).toBe(1);
      // Every account, demo staff included, has exactly its one creation event: none without its row.
      expect(events.filter((e) => e.action === 'user.created').length).toBe(users.length);
      expect(events.filter((e) => e.action === 'auth.login_failed').length).toBeGreaterThan(5);
    } finally {
      await db.close();
    }
  }, 120_000);
});

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords';
import { openDatabase } from '../../server/db/connect';
import { runDesk } from '../support/runDesk';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('operator CLI on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(() => database.drop());

  it('migrates, then reports the database is up to date', async () => {
    const first = await runDesk(['migrate'], { env: { DATABASE_URL: database.url } });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/applied 0001_initial/);
    const second = await runDesk(['migrate'], { env: { DATABASE_URL: database.url } });
    expect(second.stdout).toMatch(/up to date/);
  });

  it('adds a staff user with the password from stdin, hashed with argon2id', async () => {
    const run = await runDesk(['user', 'add', 'zhang.wei', '--role', 'reviewer', '--name', '审核员 张伟'], {
      env: { DATABASE_URL: database.url },
      stdin: 'correct horse battery\n',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/created user zhang\.wei/);
    const handle = openDatabase(database.url);
    try {
      const user = await handle.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'zhang.wei')
        .executeTakeFirstOrThrow();
      // The operator chose the password, not the person: their first session must replace it.
      expect(user).toMatchObject({ role: 'reviewer', display_name: '审核员 张伟', must_change_password: 1 });
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.password_hash, 'correct horse battery')).toBe(true);
      const event = await handle.db
        .selectFrom('audit_events')
        .select(['action', 'target_id', 'actor_type', 'user_agent'])
        .where('action', '=', 'user.created')
        .executeTakeFirst();
      // The operator on the host is trusted (no dual control), and audited as the CLI.
      expect(event).toEqual({
        action: 'user.created',
        target_id: String(user.id),
        actor_type: 'system',
        user_agent: 'desk-cli',
      });
    } finally {
      await handle.close();
    }
  });

  it.each([
    [['user', 'add', 'li.na', '--role', 'emperor'], /--role must be one of/],
    [['user', 'add', 'li.na', '--role', 'reviewer'], /at least 10 characters/, 'short'],
    [['user', 'add', 'zhang.wei', '--role', 'admin'], /already exists/, 'long enough password'],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('fails with exit 1 and one line for %j', async (args, message, password = 'a fine password') => {
    const run = await runDesk(args as string[], {
      env: { DATABASE_URL: database.url, DESK_PASSWORD: password as string },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.each(BACKENDS)('backup from the CLI on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(() => database.drop());

  it('copies a running database consistently, and refuses to overwrite a file', async () => {
    const env = { DATABASE_URL: database.url, DESK_PASSWORD: 'a fine password 42' };
    await runDesk(['user', 'add', 'backup.check', '--role', 'auditor'], { env });
    const dir = mkdtempSync(join(tmpdir(), 'verdict-backup-'));
    const file = join(dir, backend === 'sqlite' ? 'copy.sqlite' : 'copy.dump');
    const run = await runDesk(['backup', file], { env });
    if (backend === 'postgres' && /pg_dump could not run/.test(run.stderr)) {
      // pg_dump is part of the PostgreSQL client tools; without them there is nothing to test.
      expect(run.code).toBe(1);
      return;
    }
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(0);
    if (backend === 'sqlite') {
      const copy = openDatabase(`sqlite:${file}`);
      try {
        const users = await copy.db.selectFrom('users').select('username').execute();
        expect(users).toEqual([{ username: 'backup.check' }]);
      } finally {
        await copy.close();
      }
    }
    const again = await runDesk(['backup', file], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists/);
    rmSync(dir, { recursive: true, force: true });
  });
});

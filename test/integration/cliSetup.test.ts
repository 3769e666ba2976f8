import { Readable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../server/cli/commands';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { type RunningServer, startServer } from '../../server/server';
import { createApiClient, signIn } from '../support/apiClient';
import { reportInput } from '../support/factories';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

// "Putting the desk into service" in the README: an empty database made usable with the CLI alone.
describe.each(BACKENDS)('setting up from the CLI alone on %s', (backend) => {
  let database: TestDatabase;
  let server: RunningServer | undefined;
  // In-process: the same commands `npm run desk` runs (its exit codes are cli.test.ts's), without
  // a tsx start per call. What it would print to stderr is the message of what it throws.
  const desk = async (args: string[], stdin = '') => {
    const env = { config: loadConfig({ DATABASE_URL: database.url, DESK_DEMO: '0' }), stdin: Readable.from([stdin]) };
    try {
      return { code: 0, stdout: await runCommand(args, env), stderr: '' };
    } catch (err) {
      return { code: 1, stdout: '', stderr: `desk: ${(err as Error).message}\n` };
    }
  };
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await server?.close();
    await database.drop();
  });

  it('goes from an empty database to a reviewer claiming the first report', async () => {
    const queue = await desk(['queue', 'add', 'general', '--name', '综合审核', '--name-en', 'General', '--catch-all']);
    expect(queue).toMatchObject({ code: 0, stderr: '' });
    expect(queue.stdout).toMatch(/created queue general, with routing rule \d+/);
    const again = await desk(['queue', 'add', 'general', '--name', '综合审核']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('desk: queue general exists already\n');
    const typo = await desk(
      ['user', 'add', 'li.na', '--role', 'reviewer', '--queues', 'genral'],
      'first pass phrase 2026\n',
    );
    expect(typo).toMatchObject({ code: 1, stderr: 'desk: no queue "genral" (queue add <id> makes one)\n' });

    const user = await desk(
      ['user', 'add', 'li.na', '--role', 'reviewer', '--name', '李娜', '--queues', 'general'],
      'first pass phrase 2026\n',
    );
    expect(user).toMatchObject({ code: 0, stderr: '' });
    expect(user.stdout).toMatch(/created user li\.na \(id \d+, role reviewer, member of general\)/);
    const token = await desk(['token', 'add', 'marketplace', '--scope', 'intake']);
    expect(token.code).toBe(0);

    server = await startServer(
      loadConfig({ PORT: '0', DATABASE_URL: database.url, DESK_DEMO: '0', LOG_LEVEL: 'silent' }),
      { logger: pino({ level: 'silent' }) },
    );
    const intake = createApiClient(server.url, { authorization: `Bearer ${token.stdout.trim()}` });
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({ subject: { id: 'M-CLI-1', kind: 'merchant' } }),
    );
    // The operator chose the password: the first sign-in replaces it, then the case is theirs to claim.
    const reviewer = await signIn(server.url, 'li.na', 'first pass phrase 2026', {
      newPassword: 'her own pass phrase 77',
    });
    expect(await reviewer.trpc.queue.next.mutate({})).toEqual({ caseId });
  });

  it('resets a password to a printed one-time one, and disables an account, both audited as the CLI', async () => {
    const reset = await desk(['user', 'reset-password', 'li.na', '--generate']);
    expect(reset).toMatchObject({ code: 0, stderr: '' });
    const oneTime = reset.stdout.trim();
    expect(oneTime).toMatch(/^[\w-]{20}$/);
    const url = server?.url as string;
    const client = createApiClient(url);
    // The old password is gone; the new one signs in only to replace itself.
    await expect(
      client.trpc.auth.login.mutate({ username: 'li.na', password: 'her own pass phrase 77' }),
    ).rejects.toThrow();
    expect(await client.trpc.auth.login.mutate({ username: 'li.na', password: oneTime })).toMatchObject({
      gate: 'password_change',
    });

    const disabled = await desk(['user', 'disable', 'li.na']);
    expect(disabled).toMatchObject({ code: 0, stderr: '' });
    await expect(client.trpc.auth.me.query()).resolves.toBeNull();
    expect((await desk(['user', 'disable', 'nobody'])).stderr).toBe('desk: no user "nobody"\n');

    const handle = openDatabase(database.url);
    try {
      const events = await handle.db
        .selectFrom('audit_events')
        .select(['action', 'user_agent'])
        .where('action', 'in', [
          'queue.created',
          'routing_rule.created',
          'queue.members_set',
          'user.password_reset',
          'user.disabled',
        ])
        .orderBy('seq')
        .execute();
      expect(events).toEqual(
        ['queue.created', 'routing_rule.created', 'queue.members_set', 'user.password_reset', 'user.disabled'].map(
          (action) => ({ action, user_agent: 'desk-cli' }),
        ),
      );
    } finally {
      await handle.close();
    }
  });
});

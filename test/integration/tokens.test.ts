import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { type RunningServer, startServer } from '../../server/server';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { runDesk } from '../support/runDesk';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const DAY_MS = 86_400_000;
const pull = (url: string, token: string) =>
  createApiClient(url, { authorization: `Bearer ${token}` }).trpc.enforcement.changes.query({});

describe.each(BACKENDS)('integration tokens on %s', (backend) => {
  const clock = fakeClock('2026-03-01T02:00:00.000Z');
  let server: TestServer;
  // A second instance on the same database: revocation must reach it at once.
  let other: RunningServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    // The fake clock that lets tokens expire would also move TOTP codes off real time; second
    // factors are tested on their own (signInSteps), so admins here sign in with a password.
    server = await startTestServer(backend, { clock, env: { DESK_MFA_ADMINS: 'optional' } });
    other = await startServer(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: server.databaseUrl,
        DESK_DEMO: '0',
        DESK_MFA_ADMINS: 'optional',
        LOG_LEVEL: 'silent',
      }),
      { clock, logger: pino({ level: 'silent' }) },
    );
    env = { DATABASE_URL: server.databaseUrl };
    await createStaff(server.db, [
      { username: 'tok.admin', role: 'admin' },
      { username: 'tok.lead', role: 'lead' },
    ]);
  });
  afterAll(async () => {
    await other?.close();
    await server?.stop();
  });

  it('adds, lists and revokes from the CLI, one line per token, and audits both', async () => {
    const added = await runDesk(['token', 'add', 'cli.feed', '--scope', 'enforcement,intake', '--expires-days', '30'], {
      env,
    });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const token = added.stdout.trim();
    expect(token).toMatch(/^vdt_/);
    await runDesk(['token', 'add', 'cli.forever', '--scope', 'appeals'], { env });

    const listed = await runDesk(['token', 'list'], { env });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    // Created with the real clock (the CLI's), 30 days ahead of it.
    const [id, name, scopes, expiresAt, state] = (lines[0] ?? '').split(' ');
    expect([name, scopes, state]).toEqual(['cli.feed', 'enforcement,intake', 'active']);
    expect(Math.abs(Date.parse(expiresAt ?? '') - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
    expect(lines[1]).toMatch(/^\d+ cli\.forever appeals never active$/);

    const revoked = await runDesk(['token', 'revoke', id ?? ''], { env });
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(revoked.stdout).toMatch(new RegExp(`revoked token ${id} \\(cli\\.feed\\)`));
    expect((await runDesk(['token', 'list'], { env })).stdout.split('\n')[0]).toBe(
      `${id} cli.feed enforcement,intake ${expiresAt} revoked`,
    );
    expect((await errorOf(pull(server.url, token))).data?.code).toBe('UNAUTHORIZED');

    const events = await server.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'actor_type', 'data'])
      .where('action', 'in', ['token.created', 'token.revoked'])
      .where('target_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.action, e.actor_type])).toEqual([
      ['token.created', 'system'],
      ['token.revoked', 'system'],
    ]);
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({
      name: 'cli.feed',
      scopes: ['enforcement', 'intake'],
      expiresAt,
    });
  }, 60_000);

  it.each([
    [['token', 'revoke', '999999'], /token 999999 does not exist/],
    [['token', 'revoke', 'abc'], /usage: token revoke <id>/],
    [['token', 'add', 'x.bad', '--scope', 'intake', '--expires-days', 'soon'], /--expires-days must be a whole number/],
    [['token', 'add', 'x.bad', '--scope', 'intake', '--expires-days', '0'], /expiry: a whole number of days/],
    [['token', 'add', 'x.bad', '--scope', 'everything'], /scopes must be some of/],
    [['token', 'frobnicate'], /usage: token add/],
  ])('fails with exit 1 and one line for %j', async (args, message) => {
    const run = await runDesk(args as string[], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a second revocation with exit 1', async () => {
    const admin = await signIn(server.url, 'tok.admin', TEST_PASSWORD);
    const { id } = await admin.trpc.tokens.create.mutate({ name: 'twice', scopes: ['intake'], expiresInDays: null });
    await admin.trpc.tokens.revoke.mutate({ id });
    const run = await runDesk(['token', 'revoke', String(id)], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/already revoked/);
  });

  it('creates, lists and revokes through the API; the next request on either instance is refused', async () => {
    const admin = await signIn(server.url, 'tok.admin', TEST_PASSWORD);
    const created = await admin.trpc.tokens.create.mutate({
      name: 'shop.sync',
      scopes: ['enforcement'],
      expiresInDays: 90,
    });
    expect(created).toMatchObject({
      name: 'shop.sync',
      scopes: ['enforcement'],
      state: 'active',
      revokedAt: null,
      expiresAt: new Date(clock.now().getTime() + 90 * DAY_MS).toISOString(),
    });
    expect(created.token).toMatch(/^vdt_/);
    // Used on both instances…
    await expect(pull(server.url, created.token)).resolves.toMatchObject({ items: [] });
    await expect(pull(other.url, created.token)).resolves.toMatchObject({ items: [] });

    const listed = await admin.trpc.tokens.list.query();
    const row = listed.find((t) => t.id === created.id);
    expect(row).toMatchObject({ name: 'shop.sync', state: 'active', lastUsedAt: clock.now().toISOString() });
    expect(row).not.toHaveProperty('token');

    const revoked = await admin.trpc.tokens.revoke.mutate({ id: created.id });
    expect(revoked).toMatchObject({ state: 'revoked', revokedAt: clock.now().toISOString() });
    // …and refused by both on the very next request after the revocation.
    expect((await errorOf(pull(other.url, created.token))).data?.code).toBe('UNAUTHORIZED');
    expect((await errorOf(pull(server.url, created.token))).data?.code).toBe('UNAUTHORIZED');
    expect((await errorOf(admin.trpc.tokens.revoke.mutate({ id: created.id }))).data).toMatchObject({
      code: 'CONFLICT',
      reason: 'token_already_revoked',
    });
    expect((await errorOf(admin.trpc.tokens.revoke.mutate({ id: 999_999 }))).data).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'token_not_found',
    });
    const event = await server.db
      .selectFrom('audit_events')
      .select(['actor_type', 'actor_id'])
      .where('action', '=', 'token.revoked')
      .where('target_id', '=', String(created.id))
      .executeTakeFirstOrThrow();
    expect(event.actor_type).toBe('user');
  });

  it('stops a token the moment it expires', async () => {
    const admin = await signIn(server.url, 'tok.admin', TEST_PASSWORD);
    const { token, id } = await admin.trpc.tokens.create.mutate({
      name: 'short.lived',
      scopes: ['enforcement'],
      expiresInDays: 1,
    });
    clock.advance(DAY_MS - 1000);
    await expect(pull(other.url, token)).resolves.toMatchObject({ items: [] });
    clock.advance(1000);
    expect((await errorOf(pull(other.url, token))).data?.code).toBe('UNAUTHORIZED');
    expect((await errorOf(pull(server.url, token))).data?.code).toBe('UNAUTHORIZED');
    // A day later the admin's session has ended too: sign in again to read the list.
    const later = await signIn(server.url, 'tok.admin', TEST_PASSWORD);
    expect((await later.trpc.tokens.list.query()).find((t) => t.id === id)?.state).toBe('expired');
  });

  it('rejects bad input with the field named, and is for administrators only', async () => {
    const admin = await signIn(server.url, 'tok.admin', TEST_PASSWORD);
    const bad = [
      [{ name: 'a b', scopes: ['intake'], expiresInDays: 1 }, 'invalid_token_name', 'name'],
      [{ name: 'ok.name', scopes: [], expiresInDays: 1 }, 'invalid_scope', 'scope'],
      [{ name: 'ok.name', scopes: ['intake'], expiresInDays: 0 }, 'invalid_input', 'expiresInDays'],
      [{ name: 'shop.sync', scopes: ['intake'], expiresInDays: 1 }, 'token_name_taken', 'name'],
    ] as const;
    for (const [input, reason, field] of bad) {
      const err = await errorOf(admin.trpc.tokens.create.mutate({ ...input, scopes: [...input.scopes] }));
      expect(err.data).toMatchObject({ reason, field });
    }
    const lead = await signIn(server.url, 'tok.lead', TEST_PASSWORD);
    expect((await errorOf(lead.trpc.tokens.list.query())).data?.code).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetStaffPassword } from '../../server/services/staffAdmin.service';
import { createStaffUser } from '../../server/services/users.service';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createStaff, systemContext, TEST_PASSWORD } from '../support/factories';
import { nextStepTotpCode, totpCode } from '../support/signInSteps';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const NEW_PASSWORD = 'Harbour-Lantern-Orchid-58';

describe.each(BACKENDS)('sign-in steps on %s', (backend) => {
  let server: TestServer;
  let ids: Map<string, number>;

  beforeAll(async () => {
    server = await startTestServer(backend);
    ids = await createStaff(server.db, [
      { username: 'boss', role: 'admin' },
      { username: 'boss2', role: 'admin' },
      { username: 'rev', role: 'reviewer' },
    ]);
  });
  afterAll(() => server.stop());

  it('makes an account whose password the operator chose replace it before anything else', async () => {
    await createStaffUser(systemContext(server.db), {
      username: 'newcomer',
      role: 'reviewer',
      password: TEST_PASSWORD,
      mustChangePassword: true,
    });
    const other = createApiClient(server.url);
    expect((await other.trpc.auth.login.mutate({ username: 'newcomer', password: TEST_PASSWORD })).gate).toBe(
      'password_change',
    );
    const client = createApiClient(server.url);
    await client.trpc.auth.login.mutate({ username: 'newcomer', password: TEST_PASSWORD });
    expect(await client.trpc.auth.me.query()).toMatchObject({ username: 'newcomer', gate: 'password_change' });

    const refused = await errorOf(client.trpc.cases.list.query({}));
    expect(refused.data?.code).toBe('FORBIDDEN');
    expect(refused.data?.reason).toBe('password_change_required');
    const exported = await fetch(`${server.url}/api/audit/export?format=csv`, {
      headers: { cookie: `verdict_session=${client.cookies.get('verdict_session')}` },
    });
    expect(exported.status).toBe(401);

    const wrong = await errorOf(
      client.trpc.auth.changePassword.mutate({ currentPassword: 'not-the-one-at-all', newPassword: NEW_PASSWORD }),
    );
    expect(wrong.data?.reason).toBe('invalid_credentials');
    const weak = await errorOf(
      client.trpc.auth.changePassword.mutate({ currentPassword: TEST_PASSWORD, newPassword: 'hellohello' }),
    );
    expect(weak.data?.reason).toBe('password_weak');
    await client.trpc.auth.changePassword.mutate({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });

    expect(await client.trpc.auth.me.query()).toMatchObject({ username: 'newcomer', gate: null });
    await expect(client.trpc.cases.list.query({})).resolves.toBeTruthy();
    // The other session, opened with the operator's password, ended.
    expect(await other.trpc.auth.me.query()).toBeNull();
    expect((await errorOf(signIn(server.url, 'newcomer', TEST_PASSWORD))).data?.reason).toBe('invalid_credentials');
    const changed = await server.db
      .selectFrom('audit_events')
      .select(['actor_id', 'data'])
      .where('action', '=', 'user.password_changed')
      .executeTakeFirstOrThrow();
    expect(changed.actor_id).toBe(String((await client.trpc.auth.me.query())?.id));
  });

  it('makes a password an admin reset be replaced at the next sign-in', async () => {
    await resetStaffPassword(systemContext(server.db), { userId: ids.get('rev') ?? 0, password: NEW_PASSWORD });
    const client = createApiClient(server.url);
    expect((await client.trpc.auth.login.mutate({ username: 'rev', password: NEW_PASSWORD })).gate).toBe(
      'password_change',
    );
  });

  it('sends an admin without a second factor to enrolment, then asks every sign-in for the code', async () => {
    const client = createApiClient(server.url);
    expect((await client.trpc.auth.login.mutate({ username: 'boss', password: TEST_PASSWORD })).gate).toBe(
      'totp_enrolment',
    );
    expect((await errorOf(client.trpc.users.list.query())).data?.reason).toBe('totp_enrolment_required');

    const { secret, uri } = await client.trpc.auth.totpStart.mutate();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Verdict:boss\?/);
    expect(uri).toContain(`secret=${secret}`);
    const wrong = await errorOf(
      client.trpc.auth.totpConfirm.mutate({ code: '000000' === totpCode(secret) ? '111111' : '000000' }),
    );
    expect(wrong.data?.reason).toBe('invalid_totp_code');
    await client.trpc.auth.totpConfirm.mutate({ code: totpCode(secret) });
    expect(await client.trpc.auth.me.query()).toMatchObject({ username: 'boss', gate: null });
    await expect(client.trpc.users.list.query()).resolves.toBeTruthy();

    // The next sign-in: the password alone opens nothing.
    const next = createApiClient(server.url);
    expect((await next.trpc.auth.login.mutate({ username: 'boss', password: TEST_PASSWORD })).gate).toBe('totp_code');
    expect((await errorOf(next.trpc.users.list.query())).data?.reason).toBe('totp_code_required');
    expect((await errorOf(next.trpc.auth.totpStart.mutate())).data?.reason).toBe('totp_code_required');
    expect((await errorOf(next.trpc.auth.totpVerify.mutate({ code: '12345' }))).data?.reason).toBe('invalid_totp_code');
    // Letters are taken for a recovery code.
    expect((await errorOf(next.trpc.auth.totpVerify.mutate({ code: 'abcdef' }))).data?.reason).toBe(
      'invalid_recovery_code',
    );
    // The enrolment spent the current code: the app's next one signs in.
    await next.trpc.auth.totpVerify.mutate({ code: nextStepTotpCode(secret) });
    await expect(next.trpc.users.list.query()).resolves.toBeTruthy();

    const events = await server.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', String(ids.get('boss')))
      .where('action', 'in', [
        'user.totp_started',
        'user.totp_enabled',
        'auth.mfa_verified',
        'user.recovery_codes_generated',
      ])
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual([
      'auth.mfa_verified',
      'user.recovery_codes_generated',
      'user.totp_enabled',
      'user.totp_started',
    ]);
    // The secret itself is in no audit event.
    const all = await server.db.selectFrom('audit_events').select('data').execute();
    expect(JSON.stringify(all)).not.toContain(secret);
  });

  it('asks staff without a second factor for nothing more than the password', async () => {
    await createStaff(server.db, [{ username: 'plain', role: 'senior_reviewer' }]);
    const client = createApiClient(server.url);
    expect((await client.trpc.auth.login.mutate({ username: 'plain', password: TEST_PASSWORD })).gate).toBeNull();
  });
});

describe('DESK_MFA_ADMINS=optional', () => {
  it('lets an admin without a second factor in', async () => {
    const server = await startTestServer('sqlite', { env: { DESK_MFA_ADMINS: 'optional' } });
    try {
      await createStaff(server.db, [{ username: 'boss', role: 'admin' }]);
      const client = createApiClient(server.url);
      expect((await client.trpc.auth.login.mutate({ username: 'boss', password: TEST_PASSWORD })).gate).toBeNull();
      await expect(client.trpc.users.list.query()).resolves.toBeTruthy();
    } finally {
      await server.stop();
    }
  });
});

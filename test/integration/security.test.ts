import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { isCommonPassword } from '../../server/auth/commonPasswords';
import { systemClock } from '../../server/clock';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { createStaffUser } from '../../server/services/users.service';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

describe('sign-in hardening and request forgery', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { env: { DESK_LOGIN_ATTEMPTS_PER_5MIN: '8' } });
    await createStaff(server.db, [
      { username: 'amy', role: 'triager' },
      { username: 'ben', role: 'reviewer' },
    ]);
  });
  afterAll(() => server.stop());

  it('refuses a cookie-authenticated write without the CSRF header, but not a bearer-token one', async () => {
    const amy = await signIn(server.url, 'amy', TEST_PASSWORD);
    const cookie = `verdict_session=${amy.cookies.get('verdict_session')}`;
    const forged = await fetch(`${server.url}/trpc/reports.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(reportInput()),
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.reason).toBe('csrf');
    expect(await server.db.selectFrom('reports').select('id').execute()).toEqual([]);
    const own = await fetch(`${server.url}/trpc/reports.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-verdict-csrf': '1' },
      body: JSON.stringify(reportInput()),
    });
    expect(own.status).toBe(200);
    const token = await createIntegrationToken(server.db, 'detector', ['intake']);
    const integration = await fetch(`${server.url}/trpc/reports.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(reportInput()),
    });
    expect(integration.status).toBe(200);
  });

  it('rotates the session on sign-in and can sign out everywhere', async () => {
    const laptop = await signIn(server.url, 'ben', TEST_PASSWORD);
    const first = laptop.cookies.get('verdict_session');
    await laptop.trpc.auth.login.mutate({ username: 'ben', password: TEST_PASSWORD });
    expect(laptop.cookies.get('verdict_session')).not.toBe(first);
    const replay = createApiClient(server.url, { cookie: `verdict_session=${first}` });
    expect(await replay.trpc.auth.me.query()).toBeNull();

    const phone = await signIn(server.url, 'ben', TEST_PASSWORD);
    const { ended } = await phone.trpc.auth.logoutEverywhere.mutate();
    expect(ended).toBe(2);
    expect(await laptop.trpc.auth.me.query()).toBeNull();
    expect(await phone.trpc.auth.me.query()).toBeNull();
  });

  it('limits sign-in attempts per client address', async () => {
    const client = createApiClient(server.url);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await errorOf(client.trpc.auth.login.mutate({ username: `ghost${i}`, password: 'wrong-password' }))).data
          ?.code,
      );
    }
    expect(codes.slice(-3)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    expect(codes.filter((c) => c === 'UNAUTHORIZED').length).toBeLessThanOrEqual(8);
  });

  it('refuses common and decorated-common passwords', async () => {
    for (const pw of ['password123', 'Password2024!', 'qwertyuiop', 'woaini1314', '1234567890', 'aaaaaaaaaaaa']) {
      expect(isCommonPassword(pw), pw).toBe(true);
    }
    expect(isCommonPassword('蓝色港湾-审核-2026')).toBe(false);
    const ctx = {
      db: server.db,
      clock: systemClock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: SYSTEM_ACTOR,
    };
    await expect(
      createStaffUser(ctx, { username: 'carl', role: 'reviewer', password: 'Password2024!' }),
    ).rejects.toMatchObject({
      reason: 'password_common',
    });
  });
});

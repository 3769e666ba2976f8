import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderIdentity } from '../../server/auth/oidcIdentity';
import { login, resolveSession, type SessionPolicy } from '../../server/services/auth.service';
import { type ProviderPolicy, signInWithProvider } from '../../server/services/oidcSignIn.service';
import { createStaffUser } from '../../server/services/users.service';
import { parseRoleMap } from '../../shared/auth/oidcRoles';
import { DeskError } from '../../shared/errors/deskError';
import { freePort } from '../support/deskProcess';
import { createStaff, systemContext, TEST_PASSWORD } from '../support/factories';
import { startOidcProvider, type TestOidcProvider } from '../support/oidcProvider';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const ISSUER = 'https://login.corp.example';
const session: SessionPolicy = { absoluteMs: 3_600_000, idleMs: 3_600_000, mfaAdmins: 'required' };
const matchOnly: ProviderPolicy = { roleMap: [], createUsers: false };
const mapped: ProviderPolicy = { roleMap: parseRoleMap('ts-leads:lead,ts-reviewers:reviewer'), createUsers: true };

const person = (subject: string, more: Partial<ProviderIdentity> = {}): ProviderIdentity => ({
  issuer: ISSUER,
  subject,
  username: null,
  email: null,
  displayName: null,
  roleValues: [],
  ...more,
});

describe.each(BACKENDS)('signing in through the identity provider on %s', (backend) => {
  let server: TestServer;
  let ids: Map<string, number>;
  const ctx = () => systemContext(server.db);
  const events = async (action: string) =>
    (await server.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute()).map(
      (e) => ({ target: e.target_id, actor: e.actor_id, data: JSON.parse(String(e.data ?? 'null')) }),
    );
  /** The DeskError reason a call is refused with. */
  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'not refused',
      (err) => (err instanceof DeskError ? err.reason : Promise.reject(err)),
    );
  const user = (id: number) => server.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer(backend);
    ids = await createStaff(server.db, [
      { username: 'boss', role: 'admin' },
      { username: 'rev', role: 'reviewer' },
      { username: 'gone', role: 'reviewer' },
      { username: 'mail', role: 'triager' },
    ]);
    await server.db
      .updateTable('users')
      .set({ email: 'mail@corp.example' })
      .where('id', '=', ids.get('mail') ?? 0)
      .execute();
  });
  afterAll(() => server.stop());

  it('matches by username, binds the provider account, and opens a session that owes no desk step', async () => {
    // An admin without a second factor: a password session would have to enrol first.
    const { token, user: staff } = await signInWithProvider(
      ctx(),
      person('u-boss', { username: 'boss' }),
      session,
      matchOnly,
    );
    expect(staff).toMatchObject({ username: 'boss', role: 'admin' });
    const resolved = await resolveSession({ db: server.db, clock: ctx().clock }, token, session);
    expect(resolved).toMatchObject({ user: { username: 'boss' }, gate: null });
    expect((await user(staff.id)).oidc_subject).toBe(`${ISSUER} u-boss`);
    expect((await events('user.oidc_linked')).at(-1)).toMatchObject({
      target: String(staff.id),
      data: { issuer: ISSUER, subject: 'u-boss', matchedBy: 'username' },
    });
    expect((await events('auth.oidc_login')).at(-1)).toMatchObject({
      actor: String(staff.id),
      data: { subject: 'u-boss', matchedBy: 'username' },
    });

    // Later the provider renames the person: the bound subject still finds the account.
    const again = await signInWithProvider(ctx(), person('u-boss', { username: 'b.oss' }), session, matchOnly);
    expect(again.user.id).toBe(staff.id);
    expect((await events('auth.oidc_login')).at(-1)?.data.matchedBy).toBe('subject');
  });

  it('refuses a second provider account that took a bound account’s username, and says why in the trail', async () => {
    await expect(
      refusalOf(signInWithProvider(ctx(), person('impostor', { username: 'boss' }), session, matchOnly)),
    ).resolves.toBe('oidc_account_mismatch');
    expect((await events('auth.oidc_refused')).at(-1)).toMatchObject({
      target: String(ids.get('boss')),
      data: { reason: 'oidc_account_mismatch', issuer: ISSUER, subject: 'impostor', username: 'boss' },
    });
  });

  it('matches by verified email only, and refuses unknown, ambiguous and disabled accounts', async () => {
    const byMail = await signInWithProvider(
      ctx(),
      person('u-mail', { username: 'm.someone', email: 'mail@corp.example' }),
      session,
      matchOnly,
    );
    expect(byMail.user.username).toBe('mail');
    // identityOf leaves email null when unverified: nobody else matches it.
    await expect(refusalOf(signInWithProvider(ctx(), person('u-x'), session, matchOnly))).resolves.toBe(
      'oidc_unknown_user',
    );
    await expect(
      refusalOf(
        signInWithProvider(ctx(), person('u-y', { username: 'rev', email: 'mail@corp.example' }), session, matchOnly),
      ),
    ).resolves.toBe('oidc_account_ambiguous');

    await server.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', ids.get('gone') ?? 0)
      .execute();
    const sessionsBefore = await server.db.selectFrom('sessions').select('id').execute();
    await expect(
      refusalOf(signInWithProvider(ctx(), person('u-gone', { username: 'gone' }), session, matchOnly)),
    ).resolves.toBe('oidc_account_disabled');
    expect(await server.db.selectFrom('sessions').select('id').execute()).toHaveLength(sessionsBefore.length);
    // The refusal wrote nothing but its event: the disabled account is not bound either.
    expect((await user(ids.get('gone') ?? 0)).oidc_subject).toBeNull();
    expect((await events('auth.oidc_refused')).map((e) => e.data.reason)).toEqual(
      expect.arrayContaining(['oidc_unknown_user', 'oidc_account_ambiguous', 'oidc_account_disabled']),
    );
  });

  it('matches an account provisioned with its email address, kept lower-case and one per account', async () => {
    const { id } = await createStaffUser(ctx(), {
      username: 'li.na',
      role: 'reviewer',
      password: TEST_PASSWORD,
      email: ' Li.Na@Corp.Example ',
    });
    expect((await user(id)).email).toBe('li.na@corp.example');
    const created = (await events('user.created')).find((e) => e.target === String(id));
    expect(created?.data).toMatchObject({ username: 'li.na', email: 'li.na@corp.example' });
    await expect(
      refusalOf(
        createStaffUser(ctx(), {
          username: 'li.na2',
          role: 'reviewer',
          password: TEST_PASSWORD,
          email: 'LI.NA@corp.example',
        }),
      ),
    ).resolves.toBe('email_taken');
    await expect(
      refusalOf(
        createStaffUser(ctx(), { username: 'li.na3', role: 'reviewer', password: TEST_PASSWORD, email: 'li.na' }),
      ),
    ).resolves.toBe('invalid_email');
    const signedIn = await signInWithProvider(
      ctx(),
      person('u-lina', { username: 'nina.li', email: 'li.na@corp.example' }),
      session,
      matchOnly,
    );
    expect(signedIn.user.username).toBe('li.na');
  });

  it('applies the role map to an existing account, recorded as a role change the reconciliation reads', async () => {
    const signedIn = await signInWithProvider(
      ctx(),
      person('u-rev', { username: 'rev', roleValues: ['ts-reviewers', 'ts-leads'] }),
      session,
      mapped,
    );
    expect(signedIn.user.role).toBe('lead');
    expect((await user(ids.get('rev') ?? 0)).role).toBe('lead');
    expect((await events('user.role_changed')).at(-1)).toMatchObject({
      target: String(ids.get('rev')),
      data: { before: 'reviewer', after: 'lead', via: 'oidc', roleClaim: ['ts-reviewers', 'ts-leads'] },
    });
    // Groups the map does not name leave the desk's role as it is.
    const count = (await events('user.role_changed')).length;
    await signInWithProvider(ctx(), person('u-rev', { roleValues: ['other'] }), session, mapped);
    expect((await user(ids.get('rev') ?? 0)).role).toBe('lead');
    expect(await events('user.role_changed')).toHaveLength(count);
  });

  it('creates an account from the role map, once, however many first sign-ins race', async () => {
    const newcomer = person('u-new', {
      username: 'zhou.min',
      email: 'zhou.min@corp.example',
      displayName: '周敏',
      roleValues: ['ts-reviewers'],
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => signInWithProvider(ctx(), newcomer, session, mapped)),
    );
    const created = await server.db.selectFrom('users').selectAll().where('username', '=', 'zhou.min').execute();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      role: 'reviewer',
      display_name: '周敏',
      email: 'zhou.min@corp.example',
      oidc_subject: `${ISSUER} u-new`,
      must_change_password: 0,
    });
    expect(new Set(results.map((r) => r.user.id))).toEqual(new Set([created[0]?.id]));
    expect((await events('user.created')).filter((e) => e.data.username === 'zhou.min')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ role: 'reviewer', via: 'oidc' }) }),
    ]);

    await expect(
      refusalOf(signInWithProvider(ctx(), person('u-norole', { username: 'norole' }), session, mapped)),
    ).resolves.toBe('oidc_no_role');
    await expect(
      refusalOf(
        signInWithProvider(
          ctx(),
          person('u-bad', { username: 'Bad Name!', roleValues: ['ts-leads'] }),
          session,
          mapped,
        ),
      ),
    ).resolves.toBe('oidc_username_invalid');
    await expect(
      refusalOf(
        signInWithProvider(ctx(), person('u-nc', { username: 'nc', roleValues: ['ts-leads'] }), session, matchOnly),
      ),
    ).resolves.toBe('oidc_unknown_user');
  });

  it('with passwords turned off refuses the password and ends the password sessions still open', async () => {
    await createStaffUser(ctx(), { username: 'pw', role: 'reviewer', password: TEST_PASSWORD });
    const open = await login(ctx(), { username: 'pw', password: TEST_PASSWORD }, session);
    const off: SessionPolicy = { ...session, passwordSignIn: false };
    await expect(refusalOf(login(ctx(), { username: 'pw', password: TEST_PASSWORD }, off))).resolves.toBe(
      'password_sign_in_off',
    );
    expect(await resolveSession({ db: server.db, clock: ctx().clock }, open.token, off)).toBeNull();
    const viaProvider = await signInWithProvider(ctx(), person('u-pw', { username: 'pw' }), off, matchOnly);
    expect(await resolveSession({ db: server.db, clock: ctx().clock }, viaProvider.token, off)).toMatchObject({
      gate: null,
    });
  });
});

describe('the provider sign-in over HTTP: hostile callbacks', () => {
  let idp: TestOidcProvider;
  let server: TestServer;

  beforeAll(async () => {
    const deskUrl = `http://127.0.0.1:${await freePort()}`;
    idp = await startOidcProvider(deskUrl, {});
    server = await startTestServer('sqlite', { env: { ...idp.env, PORT: new URL(deskUrl).port } });
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.stop();
  });

  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const refusals = async () =>
    (await server.db.selectFrom('audit_events').select('data').where('action', '=', 'auth.oidc_refused').execute()).map(
      (e) => JSON.parse(String(e.data)).reason,
    );

  it('starts with state, nonce and an S256 challenge, kept in a Lax HttpOnly cookie for these routes only', async () => {
    const res = await get('/api/auth/oidc/start');
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get('location') ?? '');
    expect(target.origin).toBe(idp.issuer);
    const params = Object.fromEntries(target.searchParams);
    expect(params).toMatchObject({ response_type: 'code', client_id: idp.clientId, code_challenge_method: 'S256' });
    expect(params.state && params.nonce && params.code_challenge).toBeTruthy();
    expect(params.redirect_uri).toBe(`${server.url}/api/auth/oidc/callback`);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^verdict_oidc=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/i);
  });

  it('refuses a callback that this browser did not start, a forged state and a code that is not real', async () => {
    const start = await get('/api/auth/oidc/start');
    const flowCookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state');

    const noCookie = await get(`/api/auth/oidc/callback?code=x&state=${state}`);
    expect(noCookie.headers.get('location')).toBe('/?signInError=oidc_bad_state');
    expect(noCookie.headers.get('set-cookie') ?? '').not.toMatch(/verdict_session=[^;]/);
    const forged = await get('/api/auth/oidc/callback?code=x&state=attackers-state', flowCookie);
    expect(forged.headers.get('location')).toBe('/?signInError=oidc_bad_state');
    const garbage = await get(`/api/auth/oidc/callback?code=x&state=${state}`, 'verdict_oidc=%ff%fe{');
    expect(garbage.headers.get('location')).toBe('/?signInError=oidc_bad_state');
    const bogusCode = await get(`/api/auth/oidc/callback?code=not-a-code&state=${state}`, flowCookie);
    expect(bogusCode.headers.get('location')).toBe('/?signInError=oidc_token_invalid');
    const denied = await get(`/api/auth/oidc/callback?error=access_denied&state=${state}`, flowCookie);
    expect(denied.headers.get('location')).toBe('/?signInError=oidc_provider_error');

    expect(await refusals()).toEqual([
      'oidc_bad_state',
      'oidc_bad_state',
      'oidc_bad_state',
      'oidc_token_invalid',
      'oidc_provider_error',
    ]);
    expect(await server.db.selectFrom('sessions').select('id').execute()).toEqual([]);
  });
});

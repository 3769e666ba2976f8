import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from '../support/browser';
import { freePort } from '../support/deskProcess';
import { createStaff } from '../support/factories';
import { startOidcProvider, type TestOidcProvider } from '../support/oidcProvider';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('signing in with the company account (browser, real OpenID provider)', () => {
  let idp: TestOidcProvider;
  let server: TestServer;
  let browser: Browser;
  let reviewerId: number;

  beforeAll(async () => {
    // The provider registers the desk's callback address, so the desk's port is chosen first.
    const deskUrl = `http://127.0.0.1:${await freePort()}`;
    idp = await startOidcProvider(deskUrl, {
      'wang.fang': { email: 'Wang.Fang@corp.example', email_verified: true, name: '王芳', groups: ['ts-reviewers'] },
    });
    [server, browser] = await Promise.all([
      startTestServer('sqlite', {
        env: {
          ...idp.env,
          PORT: new URL(deskUrl).port,
          DESK_OIDC_ROLE_CLAIM: 'groups',
          DESK_OIDC_ROLE_MAP: 'ts-reviewers:reviewer',
          DESK_PASSWORD_SIGNIN: '0',
        },
      }),
      launchBrowser(),
    ]);
    // Provisioned by the operator under another username: the provider's verified email matches it.
    reviewerId = (await createStaff(server.db, [{ username: 'fang', role: 'reviewer' }])).get('fang') ?? 0;
    await server.db
      .updateTable('users')
      .set({ email: 'wang.fang@corp.example' })
      .where('id', '=', reviewerId)
      .execute();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await idp?.stop();
  });

  async function signInAtProvider(locale: string, login: string): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    const button = page.getByRole('link', {
      name: locale === 'en-US' ? 'Sign in with company account' : '使用企业账号登录',
    });
    await button.waitFor({ timeout: 30_000 });
    // Passwords are off: no password form at all.
    expect(await page.getByLabel(/^(密码|Password)/).count()).toBe(0);
    await button.click();
    // The provider's own login page (its development form takes any login).
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('whatever-the-provider-checks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    return page;
  }

  const events = (action: string) =>
    server.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('a provisioned reviewer signs in through the provider and lands on the desk', async () => {
    const page = await signInAtProvider('zh-CN', 'wang.fang');
    await page.getByRole('heading', { name: '案件队列' }).waitFor();
    expect(new URL(page.url()).origin).toBe(server.url);
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('fang');

    const [login] = await events('auth.oidc_login');
    expect(login).toMatchObject({ target_id: String(reviewerId) });
    expect(JSON.parse(String(login?.data))).toMatchObject({
      issuer: idp.issuer,
      subject: 'wang.fang',
      matchedBy: 'email',
    });
    const [linked] = await events('user.oidc_linked');
    expect(JSON.parse(String(linked?.data))).toMatchObject({ matchedBy: 'email', subject: 'wang.fang' });
    const user = await server.db.selectFrom('users').selectAll().where('id', '=', reviewerId).executeTakeFirstOrThrow();
    expect(user.oidc_subject).toBe(`${idp.issuer} wang.fang`);
    await page.context().close();
  }, 90_000);

  it('someone the provider knows but the desk does not is refused, in their language', async () => {
    const page = await signInAtProvider('en-US', 'stranger');
    await page.getByText('This company account has no desk account; ask an administrator to set one up').waitFor();
    await page.getByRole('heading', { name: 'Sign in to the desk' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Case queue' }).count()).toBe(0);
    const refused = (await events('auth.oidc_refused')).map((e) => JSON.parse(String(e.data)));
    expect(refused).toEqual([expect.objectContaining({ reason: 'oidc_unknown_user', subject: 'stranger' })]);
    expect(await server.db.selectFrom('users').select('id').where('username', '=', 'stranger').execute()).toEqual([]);
    await page.context().close();
  }, 90_000);
});

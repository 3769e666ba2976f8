import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('signing in and seeing the queue (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a demo reviewer signs in and sees open cases, in Chinese by default', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // Fail at the step that breaks, well inside the test's own timeout.
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);

    await expect.poll(() => page.getByRole('heading', { name: '登录审核台' }).isVisible()).toBe(true);
    await page.getByLabel('用户名').fill('reviewer');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码错误').waitFor();

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '案件队列' }).waitFor();
    expect(page.url()).toMatch(/\/queue$/);

    // The grid shows real rows from the server: Chinese subjects and the total of open cases.
    await page.locator('.MuiDataGrid-row').first().waitFor();
    const open = await server.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['new', 'triaged', 'assigned', 'pending_approval'])
      .executeTakeFirstOrThrow();
    await expect.poll(() => page.getByTestId('queue-total').textContent()).toBe(`共 ${Number(open.n)} 件`);
    expect(await page.locator('.MuiDataGrid-row').count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByText('审核员 李明').isVisible()).toBe(true);

    await saveScreenshot(page, 'queue');

    // Switch to English from the user menu; the choice survives a reload.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Case queue' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Case queue' }).waitFor();

    // Signing out returns to the login page.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to the desk' }).waitFor();
    await context.close();
  }, 60_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { finishSignInSteps, HAS_CHROMIUM, launchBrowser, saveScreenshot } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('the rulebook admin page (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an admin reads a rule and its versions in Chinese, then in English', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await finishSignInSteps(page, server.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '案件队列' }).waitFor();

    // From the navigation drawer to the rulebook.
    await page.getByRole('navigation', { name: '导航' }).getByRole('link', { name: '规则库' }).click();
    await page.getByRole('heading', { name: '规则库', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/rulebook/);

    // Improper registration: 12 general points until 2016-08-01, 48 serious points from 2016-08-02.
    const rules = page.getByRole('navigation', { name: '规则列表' });
    await rules.getByRole('button', { name: /不当注册/ }).click();
    await page.getByRole('heading', { name: '不当注册', level: 2 }).waitFor();
    const before = page.getByTestId('version-1970-01-01');
    const after = page.getByTestId('version-2016-08-02');
    await expect.poll(() => after.getByRole('heading', { name: '2016-08-02 起施行' }).isVisible()).toBe(true);
    await expect.poll(() => before.getByRole('heading', { name: /至 2016-08-01 止/ }).isVisible()).toBe(true);
    expect(await after.getByText('计入严重违规').isVisible()).toBe(true);
    expect(await after.getByText('48 分', { exact: true }).isVisible()).toBe(true);
    expect(await before.getByText('计入一般违规').isVisible()).toBe(true);
    expect(await before.getByText('12 分', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('平台时间 UTC+8').first().isVisible()).toBe(true);
    // The choice is in the URL, so the view can be linked.
    expect(page.url()).toMatch(/rule=improper-registration/);

    await saveScreenshot(page, 'rulebook');

    // Node punishments: the serious scale 12/24/36/48, by keyboard.
    await page.getByRole('tab', { name: '规则与版本' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '严重违规', level: 2 }).waitFor();
    const serious = page.getByRole('region', { name: '严重违规' });
    for (const points of ['12 分', '24 分', '36 分', '48 分']) {
      expect(await serious.getByRole('cell', { name: points, exact: true }).isVisible(), points).toBe(true);
    }

    // English: names come from the rulebook data, the rest from the translations.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Rules and versions' }).click();
    await page.getByRole('heading', { name: 'Improper registration', level: 2 }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'From 2016-08-02' }).isVisible()).toBe(true);
    expect(await page.getByText('Charges Serious violations').isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it('says when the rulebook cannot be loaded, and loads it on retry', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.getByLabel('用户名').fill('auditor');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '案件队列' }).waitFor();

    // The server is unreachable for the rulebook (the client retries twice before it gives up).
    await page.route('**/trpc/*rulebook.get*', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.url}/rulebook`);
    const alert = page.getByRole('alert');
    await alert.getByText('规则库加载失败').waitFor();
    expect(await alert.textContent()).toContain('无法连接服务器');

    await page.unrouteAll();
    await alert.getByRole('button', { name: '重试' }).click();
    // Taobao's rulebook, its first rule open (1688's information rule is on 1688's page now).
    await page.getByRole('heading', { name: '滥用会员权利', level: 2 }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  }, 60_000);
});

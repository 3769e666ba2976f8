import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../server/services/users.service';
import { HAS_CHROMIUM, launchBrowser } from '../support/browser';
import { createStaff, systemContext, TEST_PASSWORD } from '../support/factories';
import { nextStepTotpCode, totpCode } from '../support/signInSteps';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('the steps after the password (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    await createStaffUser(systemContext(server.db), {
      username: 'newcomer',
      displayName: '新同事 周敏',
      role: 'reviewer',
      password: TEST_PASSWORD,
      mustChangePassword: true,
    });
    await createStaff(server.db, [{ username: 'boss', role: 'admin' }]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signInPage(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await page.getByLabel('用户名').waitFor({ timeout: 30_000 });
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    return page;
  }

  it('a newcomer whose password the operator chose must choose their own before the desk opens', async () => {
    const page = await signInPage('newcomer', TEST_PASSWORD);
    await page.getByRole('heading', { name: '请先设置新密码' }).waitFor();
    // No way around it: another address still shows the step.
    await page.goto(`${server.url}/queue`);
    await page.getByRole('heading', { name: '请先设置新密码' }).waitFor();
    expect(await page.getByRole('heading', { name: '案件队列' }).count()).toBe(0);

    await page.getByLabel(/^当前密码/).fill(TEST_PASSWORD);
    await page.getByLabel(/^新密码/).fill('hellohello');
    await page.getByLabel(/^再次输入密码/).fill('hellohello');
    await page.getByRole('button', { name: '保存新密码' }).click();
    // The estimator's feedback, translated.
    await page.getByText(/密码太容易被猜到.*“abcabcabc”这样的重复片段很容易被猜到。/).waitFor();

    await page.getByLabel(/^新密码/).fill('Harbour-Lantern-Orchid-58');
    await page.getByLabel(/^再次输入密码/).fill('Harbour-Lantern-Orchid-58');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByRole('heading', { name: '案件队列' }).waitFor();
    await page.context().close();
  }, 90_000);

  it('an admin enrols an authenticator app, then signs in with password and code', async () => {
    const page = await signInPage('boss', TEST_PASSWORD);
    await page.getByRole('heading', { name: '设置两步验证' }).waitFor();
    await page.getByRole('button', { name: '生成密钥' }).click();
    const secret = await page.getByTestId('totp-secret').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('验证码').fill(totpCode(secret) === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '启用两步验证' }).click();
    await page.getByText('验证码不正确或已过期').waitFor();
    await page.getByLabel('验证码').fill(totpCode(secret));
    await page.getByRole('button', { name: '启用两步验证' }).click();
    // The ten recovery codes, shown this once, before the desk opens.
    const codes = (await page.getByTestId('recovery-codes').inputValue()).split('\n');
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: '我已保存恢复码' }).click();
    await page.getByRole('heading', { name: '案件队列' }).waitFor();
    await page.context().close();

    const again = await signInPage('boss', TEST_PASSWORD);
    await again.getByRole('heading', { name: '输入动态验证码' }).waitFor();
    // The enrolment spent the current code; the app's next one signs in.
    await again.getByLabel('验证码').fill(nextStepTotpCode(secret));
    await again.getByRole('button', { name: '验证', exact: true }).click();
    await again.getByRole('heading', { name: '案件队列' }).waitFor();
    await again.getByRole('link', { name: '员工管理' }).waitFor();
    await again.context().close();

    // The phone lost: a recovery code in place of the code, once.
    const lost = await signInPage('boss', TEST_PASSWORD);
    await lost.getByRole('button', { name: '改用恢复码' }).click();
    await lost.getByLabel('恢复码').fill(codes[0] ?? '');
    await lost.getByRole('button', { name: '验证', exact: true }).click();
    await lost.getByRole('heading', { name: '案件队列' }).waitFor();
    await lost.goto(`${server.url}/account`);
    await lost.getByTestId('recovery-codes-left').filter({ hasText: '还剩 9 个未使用的恢复码。' }).waitFor();
    await lost.context().close();
  }, 90_000);
});

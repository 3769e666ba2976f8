import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import {
  currentPassword,
  rememberRecoveryCodes,
  rememberTotpSecret,
  renewPassword,
  signInCodeFor,
  unusedTotpCode,
} from './signInSteps';

/** Debian's chromium package; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

if (!HAS_CHROMIUM) {
  const message = `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run (apt-get install -y chromium)`;
  // In CI a missing browser is a failure, never a silent skip.
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n!! THE BROWSER TESTS ARE SKIPPED LOCALLY\n${'!'.repeat(78)}\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no outside network: keep Chromium from trying to reach it.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** README screenshots: refreshed only on request (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  // Transitions finished, e.g. a tab's indicator still sliding to the tab just chosen.
  await page.screenshot({ path: `docs/screenshots/${name}.png`, animations: 'disabled' });
}

/**
 * A fresh browser context (Chinese, 1440×900 unless `context` says otherwise) signed in as
 * `username` through the login page, on the queue. Close it with `page.context().close()`.
 */
export async function signInAs(
  browser: Browser,
  url: string,
  username: string,
  options: { password?: string; context?: BrowserContextOptions } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    ...options.context,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  // The first page of a fresh context parses the whole client: give a loaded machine time.
  await page.getByLabel('用户名').waitFor({ timeout: 30_000 });
  await page.getByLabel('用户名').fill(username);
  const password = currentPassword(url, username, options.password ?? DEMO_PASSWORD);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await finishSignInSteps(page, url, username, password);
  await page.getByRole('heading', { name: '案件队列' }).waitFor();
  return page;
}

const STEP_HEADINGS = ['案件队列', '输入动态验证码', '请先设置新密码', '设置两步验证'];

/**
 * Does, through the screens, what a fresh session still owes: the authenticator code (from the
 * secret the helpers kept at enrolment), enrolling an admin's authenticator, a forced password
 * change (to a derived strong password, remembered for the next sign-in). Ends on the desk.
 */
export async function finishSignInSteps(page: Page, url: string, username: string, password: string): Promise<void> {
  for (let step = 0; step < 4; step++) {
    const heading = page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: new RegExp(`^(${STEP_HEADINGS.join('|')})$`) });
    await heading.first().waitFor();
    const title = (await heading.first().textContent()) ?? '';
    if (title === '输入动态验证码') {
      const { code, recovery } = await signInCodeFor(url, username);
      if (recovery) await page.getByRole('button', { name: '改用恢复码' }).click();
      await page.getByLabel(recovery ? '恢复码' : '验证码').fill(code);
      await page.getByRole('button', { name: '验证', exact: true }).click();
    } else if (title === '请先设置新密码') {
      const renewed = renewPassword(url, username, password);
      await page.getByLabel(/^当前密码/).fill(password);
      await page.getByLabel(/^新密码/).fill(renewed);
      await page.getByLabel(/^再次输入密码/).fill(renewed);
      await page.getByRole('button', { name: '保存新密码' }).click();
    } else if (title === '设置两步验证') {
      await page.getByRole('button', { name: '生成密钥' }).click();
      const secret = await page.getByTestId('totp-secret').inputValue();
      rememberTotpSecret(url, username, secret);
      await page.getByLabel('验证码').fill(await unusedTotpCode(url, username));
      await page.getByRole('button', { name: '启用两步验证' }).click();
      // The recovery codes, shown once, before the desk opens: kept for later sign-ins.
      const codes = await page.getByTestId('recovery-codes').inputValue();
      rememberRecoveryCodes(url, username, codes.split('\n'));
      await page.getByRole('button', { name: '我已保存恢复码' }).click();
      // The dialog hid the step's heading from the accessibility tree: wait for the step itself to go.
      await page.getByTestId('totp-secret').waitFor({ state: 'detached' });
      continue;
    } else {
      return;
    }
    await heading
      .first()
      .filter({ hasNotText: title })
      .waitFor()
      .catch(() => undefined);
    await page.getByRole('heading', { name: title }).waitFor({ state: 'detached' });
  }
}

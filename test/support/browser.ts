import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';

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
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
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
  await page.getByLabel('密码').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '案件队列' }).waitFor();
  return page;
}

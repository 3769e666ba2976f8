import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

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

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { createIntegrationToken, reportInput } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('free-text search (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId: number;
  // One signed-in reviewer for both: the palette works from any page, so the second test starts
  // on the case the first one opened.
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    const token = await createIntegrationToken(server.db, 'search-e2e', ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    ({ caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({
        subject: { id: 'M-E2E-SEARCH', kind: 'merchant', name: '鹦鹉花鸟专营店' },
        summary: '卖家以鹦鹉幼鸟为噱头引流 <img src=x onerror=alert(1)>',
      }),
    ));
    page = await signInAs(browser, server.url, 'reviewer');
  });
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('Ctrl+K, a two-character Chinese query, the highlighted hits, and Enter opens the case', async () => {
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: '命令面板' });
    await box.fill('鹦鹉');
    const hits = page.getByRole('option').filter({ has: page.locator('mark', { hasText: '鹦鹉' }) });
    await expect.poll(() => hits.count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('option', { name: new RegExp(`^案件 · 案件 ${caseId} · 卖家以鹦鹉幼鸟`) }).waitFor();
    // The text is shown as written, never as markup.
    await page.getByText('<img src=x onerror=alert(1)>', { exact: false }).first().waitFor();
    expect(await page.locator('[role="listbox"] img').count()).toBe(0);
    await saveScreenshot(page, 'search');
    // Keyboard: down to the case's own hit, Enter opens it.
    const options = await page.getByRole('option').allTextContents();
    const target = options.findIndex((o) => o.startsWith(`案件 · 案件 ${caseId}`));
    for (let i = 0; i < target; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(`**/cases/${caseId}`);
    await page.getByText('卖家以鹦鹉幼鸟为噱头引流', { exact: false }).first().waitFor();
  });

  it('the app bar box opens the palette, with a hint, an empty state and a refused query explained', async () => {
    await page.getByRole('button', { name: '搜索案件、会员、证据…' }).click();
    const box = page.getByRole('combobox', { name: '命令面板' });
    await page.getByRole('status').filter({ hasText: '输入中文或英文即可搜索' }).waitFor();
    await box.fill('不存在的词语组合');
    await page.getByRole('status').filter({ hasText: '找不到“不存在的词语组合”' }).waitFor();
    await box.fill('"*"');
    await page.getByRole('status').filter({ hasText: '搜索失败：搜索内容中没有可搜索的文字或数字' }).waitFor();
    await box.fill('鹦鹉花鸟');
    await page.getByRole('option', { name: /^会员 · 会员 M-E2E-SEARCH · 鹦鹉花鸟专营店/ }).waitFor();
    await page.keyboard.press('Escape');
  });
});

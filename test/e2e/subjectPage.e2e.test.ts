import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('the subject page (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens from a queue row: the standing chart and every list, then one of its cases', async () => {
    const page = await signInAs(browser, server.url, 'reviewer');
    const row = page.locator('.MuiDataGrid-row').first();
    const link = row.getByTestId('subject-link');
    await link.waitFor();
    const subjectId = (await row.locator('[data-field="subject"]').textContent())?.match(/[A-Z]\d{5}/)?.[0] ?? '';
    const name = (await link.textContent()) ?? '';
    await link.click();

    await page.waitForURL(`**/subjects/${subjectId}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const chart = page.getByTestId('subject-standing-chart');
    await chart.getByRole('heading', { name: /\d{4} 年扣分走势/ }).waitFor();
    // One step line per ledger (a flat one at zero has no height, so it is attached rather than "visible").
    for (const ledger of ['general', 'serious', 'counterfeit'])
      await chart.locator(`path.MuiLineChart-line[data-series="${ledger}"]`).waitFor({ state: 'attached' });
    for (const title of ['节点与处罚', '关联会员', '案件', '处理决定', '申诉', '通知', '安全预警', '执行消息'])
      await page.getByRole('heading', { name: title, exact: true, level: 2 }).waitFor();
    const cases = await server.db.selectFrom('cases').select('id').where('subject_id', '=', subjectId).execute();
    const caseLinks = page.getByTestId('subject-cases').getByRole('link');
    await expect.poll(() => caseLinks.count()).toBe(Math.min(cases.length, 10));
    expect(await page.getByTestId('pii-phone').textContent()).toMatch(/^1\d\d\*{4}\d{4}/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'subject');

    const newest = Math.max(...cases.map((c) => c.id));
    await caseLinks.first().click();
    await page.waitForURL(`**/cases/${newest}`);
    await page.getByRole('heading', { name: new RegExp(`^案件 ${newest}`), level: 1 }).waitFor();
    await page.context().close();
  });
});

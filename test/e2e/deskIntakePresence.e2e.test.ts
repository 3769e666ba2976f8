import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

// Issue 19 on the demo desk: a triager files a report from the desk (once, however often the
// button is pressed); two people on one case see each other, and the second is asked before
// drafting a decision beside the first.
describe.skipIf(!HAS_CHROMIUM)('report intake and presence in the desk (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a triager files a report with evidence and a file; pressing submit twice files it once', async () => {
    const page = await signInAs(browser, server.url, 'triager');
    await page.getByRole('link', { name: '提交举报' }).click();
    await page.getByRole('heading', { name: '提交举报' }).waitFor();
    // Nothing filled in: refused at the fields, nothing sent.
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('请先修正标出的内容。').waitFor();
    await page.getByLabel('对象编号').fill('desk-intake-shop-1');
    await page.getByLabel('对象名称（可选）').fill('桌面登记测试店');
    await page.getByLabel('举报内容').fill('买家来电：该店铺近一周大量异常好评，疑似刷单。');
    await page.getByRole('button', { name: '添加一条证据' }).click();
    await page.getByLabel('标题').fill('买家来电记录');
    await page.getByLabel('文字内容').fill('来电时间 2026-12-01 10:32，买家称收到返现卡片。');
    await page.getByLabel('附加文件').setInputFiles({
      name: 'screenshot.png',
      mimeType: 'image/png',
      // A 1×1 PNG: the server detects the type from the bytes.
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    });
    const submit = page.getByRole('button', { name: '提交举报' });
    await submit.dblclick();
    await page.getByTestId('intake-filed').waitFor();
    const caseId = Number(/#(\d+)/.exec((await page.getByTestId('intake-filed').textContent()) ?? '')?.[1]);
    expect(caseId).toBeGreaterThan(0);
    const open = page.getByRole('link', { name: `打开案件 #${caseId}` });
    await expect.poll(() => open.getAttribute('aria-disabled')).toBeNull();
    await saveScreenshot(page, 'intake-filed');

    const reports = await server.db
      .selectFrom('reports')
      .innerJoin('cases', 'cases.id', 'reports.case_id')
      .select(['reports.id', 'cases.subject_id'])
      .where('cases.subject_id', '=', 'desk-intake-shop-1')
      .execute();
    expect(reports).toHaveLength(1);
    const evidence = await server.db
      .selectFrom('evidence')
      .select(['title'])
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    expect(evidence.map((e) => e.title)).toEqual(['买家来电记录', 'screenshot.png']);
    await open.click();
    await page.getByText('买家来电：该店铺近一周大量异常好评，疑似刷单。').first().waitFor();
    await page.context().close();
  });

  it('shows who else has a case open and who is drafting, and asks before a second draft', async () => {
    const reviewer = await signInAs(browser, server.url, 'reviewer');
    await reviewer.keyboard.press('n');
    await reviewer.waitForURL(/\/cases\/\d+$/);
    const path = new URL(reviewer.url()).pathname;
    const lead = await signInAs(browser, server.url, 'lead');
    await lead.goto(`${server.url}${path}`);

    // Each sees the other, pushed without a reload.
    await reviewer.getByTestId('presence-bar').getByText('组长 陈静 正在查看').waitFor();
    await lead.getByTestId('presence-bar').getByText('审核员 李明 正在查看').waitFor();

    // The reviewer starts on the decision: the lead sees it, and is asked before starting too.
    const decision = (page: typeof reviewer) => page.getByRole('region', { name: '处理决定' });
    await decision(reviewer).getByRole('textbox').first().click();
    await lead.getByTestId('presence-bar').getByText('审核员 李明 正在起草决定').waitFor();
    await decision(lead).getByTestId('drafting-warning').waitFor();
    await decision(lead).getByRole('textbox').first().click();
    const ask = lead.getByRole('dialog', { name: '他人正在起草决定' });
    await ask.waitFor();
    await saveScreenshot(lead, 'presence-drafting');
    await ask.getByRole('button', { name: '仍要填写' }).click();
    await reviewer.getByTestId('presence-bar').getByText('组长 陈静 正在起草决定').waitFor();

    // Leaving the case (here through the menu) tells the other at once.
    await lead.getByRole('link', { name: '案件队列' }).click();
    await expect.poll(() => reviewer.getByTestId('presence-bar').count(), { timeout: 10_000 }).toBe(0);
    await reviewer.context().close();
    await lead.context().close();
  });
});

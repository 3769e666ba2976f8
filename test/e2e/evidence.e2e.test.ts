import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs as signInAsIn } from '../support/browser';
import { pngBytes, sha256Of } from '../support/evidenceFiles';
import { startTestServer, type TestServer } from '../support/testServer';

const signInAs = (browser: Browser, url: string, username: string) =>
  signInAsIn(browser, url, username, { context: { viewport: { width: 1440, height: 1000 } } });

/** The amounts in the orders grid, top to bottom, as numbers. */
async function amounts(page: Page): Promise<number[]> {
  const cells = await page.locator('.MuiDataGrid-row [data-field="amount"]').allTextContents();
  return cells.map((c) => Number(c.replace(/[^\d.]/g, '')));
}

describe.skipIf(!HAS_CHROMIUM)('evidence viewers (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a fake-transaction case its orders with the named ones highlighted, sorts them, and takes an upload', async () => {
    const c = await server.db
      .selectFrom('cases')
      .select('id')
      .where('rule', '=', 'fake-transaction')
      .where('status', 'in', ['new', 'triaged'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const page = await signInAs(browser, server.url, 'reviewer');
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.getByRole('heading', { name: /^证据/ }).waitFor();

    // The report's text comes first; "]" steps to the orders table.
    await page.keyboard.press(']');
    await page.getByRole('tab', { name: '订单 · 疑似刷单订单明细', selected: true }).first().waitFor();
    const named = page.locator('.MuiDataGrid-row.evidence-order-named');
    await expect.poll(() => named.count()).toBe(4);
    await page.getByText(/举报点名 4 笔（已高亮）/).waitFor();

    // Sorting by amount: ascending, then descending, on a click each.
    const header = page.getByRole('columnheader', { name: '金额' });
    await header.click();
    await expect.poll(async () => (await amounts(page))[0]).toBe(9.9);
    const ascending = await amounts(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.click();
    await expect.poll(async () => (await amounts(page))[0]).toBe(Math.max(...ascending));
    await saveScreenshot(page, 'evidence');

    // Opening the table was recorded as a view by this reviewer.
    const reviewer = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'reviewer')
      .executeTakeFirstOrThrow();
    const viewed = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'evidence.viewed')
      .where('actor_id', '=', String(reviewer.id))
      .execute();
    expect(viewed.map((v) => JSON.parse(v.data ?? '{}'))).toContainEqual(
      expect.objectContaining({ caseId: c.id, kind: 'orders', via: 'viewer' }),
    );

    // Uploading a screenshot selects it and shows the SHA-256 the server stored it under.
    const png = pngBytes(40, 30, [30, 90, 200]);
    await page.getByTestId('evidence-upload-input').setInputFiles({
      name: '聊天截图.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await page
      .getByTestId('evidence-sha256')
      .filter({ hasText: sha256Of(png) })
      .waitFor();
    await page.getByText(`已上传，SHA-256 校验值 ${sha256Of(png)}`).waitFor();
    await expect
      .poll(() => page.getByTestId('evidence-image').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(40);
    const stored = await server.db
      .selectFrom('evidence')
      .select(['case_id', 'file_name', 'content_type'])
      .where('sha256', '=', sha256Of(png))
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ case_id: c.id, file_name: '聊天截图.png', content_type: 'image/png' });
  }, 60_000);
});

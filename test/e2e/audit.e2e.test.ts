import { readFileSync } from 'node:fs';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent, recordRawEvent } from '../../server/audit/recordEvent';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('the audit trail page (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    // A failed sign-in, and a change with a before/after to read in the detail view.
    await createApiClient(server.url)
      .trpc.auth.login.mutate({ username: 'reviewer', password: 'not-the-password' })
      .catch(() => null);
    await server.db.transaction().execute((trx) =>
      recordEvent(
        trx,
        { actor: { type: 'user', id: '2' }, batchId: 'batch-e2e' },
        {
          action: 'queue.updated',
          target: { type: 'queue', id: 'merchant-review' },
          data: {
            before: { nameZh: '商家审核', autoAssign: false },
            after: { nameZh: '商家审核（加急）', autoAssign: false },
          },
        },
        new Date(),
      ),
    );
    await server.db
      .transaction()
      .execute((trx) =>
        recordRawEvent(
          trx,
          { actor: { type: 'system', id: null }, batchId: 'batch-old' },
          { action: 'case.archived', target: { type: 'case', id: 17 } },
          new Date(),
        ),
      );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an auditor opens the audit page, sees the chain verified, filters, reads a diff and exports', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1500, height: 950 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));

    await page.goto(server.url);
    await page.getByLabel('用户名').fill('auditor');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    expect(page.url()).toMatch(/\/audit$/);

    // The server re-hashed the whole chain and says it holds.
    const badge = page.getByTestId('audit-verify');
    // Re-hashing and reconciling the demo month takes a moment on a loaded machine.
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
    const events = await server.db.selectFrom('audit_events').select('seq').execute();
    expect(await badge.textContent()).toMatch(/^哈希链完整 · \d+ 条$/);
    expect(Number(/(\d+) 条/.exec((await badge.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(events.length - 1);
    await page.locator('.MuiDataGrid-row').first().waitFor();
    await saveScreenshot(page, 'audit');

    // Filter on the server by action, named in Chinese: only the failed sign-in is left, by the
    // staff member it was tried on, named, as is its target.
    await page.getByRole('combobox', { name: '操作', exact: true }).click();
    await page.getByRole('option', { name: '登录失败', exact: true }).click();
    await expect.poll(() => page.getByTestId('audit-total').textContent(), { timeout: 10_000 }).toBe('共 1 条');
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(1);
    const failedRow = (await page.locator('.MuiDataGrid-row').first().textContent()) ?? '';
    expect(failedRow).toContain('登录失败');
    expect(failedRow).toContain('审核员 李明');
    expect(failedRow).toContain('员工 审核员 李明');
    expect(failedRow).not.toMatch(/auth\.login_failed|user \d/);

    // By batch instead: the queue change, by a lead named as such, whose detail shows before
    // and after side by side.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByLabel('批次号').fill('batch-e2e');
    await expect.poll(() => page.getByTestId('audit-total').textContent(), { timeout: 10_000 }).toBe('共 1 条');
    const changeRow = page.locator('.MuiDataGrid-row').first();
    // The total was 1 before too: wait for the row itself to change.
    await expect.poll(() => changeRow.textContent(), { timeout: 10_000 }).toContain('组长 陈静');
    expect(await changeRow.textContent()).toContain('队列 merchant-review');
    await changeRow.getByText('修改队列').click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const changed = diff.getByRole('row').filter({ hasText: '商家审核（加急）' });
    expect(await changed.textContent()).toContain('商家审核');
    expect(await changed.textContent()).toContain('修改');
    await page.getByRole('button', { name: '关闭' }).click();

    // A row an older desk wrote, under an action this one does not register: shown as stored, flagged.
    await page.getByLabel('批次号').fill('batch-old');
    await expect.poll(() => page.getByTestId('audit-total').textContent(), { timeout: 10_000 }).toBe('共 1 条');
    const first = page.locator('.MuiDataGrid-row').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('case.archived');
    const oldRow = (await first.textContent()) ?? '';
    expect(oldRow).toContain('未登记的操作');
    expect(oldRow).toContain('系统');

    // Export the (filtered) trail: a CSV and its manifest, checked in the browser.
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByRole('button', { name: '开始导出' }).click();
    await page.getByTestId('audit-export-done').waitFor();
    expect(await page.getByTestId('audit-export-done').textContent()).toContain('SHA-256 与清单一致');
    await expect.poll(() => downloads.length).toBe(2);
    const [file, manifestFile] = downloads;
    expect(file?.suggestedFilename()).toMatch(/^verdict-audit-\d{8}T\d{6}Z\.csv$/);
    expect(manifestFile?.suggestedFilename()).toBe(`${file?.suggestedFilename()}.manifest.json`);
    const csv = readFileSync((await file?.path()) ?? '', 'utf8');
    const manifest = JSON.parse(readFileSync((await manifestFile?.path()) ?? '', 'utf8'));
    expect(csv.startsWith('seq,at,actor_type')).toBe(true);
    expect(manifest).toMatchObject({ format: 'csv', count: csv.split('\r\n').length - 2 });
    await context.close();
  }, 90_000);
});

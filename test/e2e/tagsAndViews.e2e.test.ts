import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReport } from '../../server/services/intake.service';
import { createTag } from '../../server/services/tags.service';
import { HAS_CHROMIUM, launchBrowser, signInAs } from '../support/browser';
import { createQueue, createStaff, reportInput, systemContext, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('tags and queue views that last (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let tagged: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    const staff = await createStaff(server.db, [{ username: 'lead1', role: 'lead' }]);
    await createQueue(server.db, 'general', { routeRules: [], members: [staff.get('lead1') ?? 0] });
    const ctx = systemContext(server.db);
    const file = async (id: string, name: string) =>
      (await submitReport(ctx, reportInput({ subject: { id, kind: 'merchant', name } }))).caseId;
    tagged = await file('M-E2E-1', '星河数码专营店');
    await file('M-E2E-2', '晨光百货');
    await createTag(ctx, { nameZh: '团伙', nameEn: 'Gang', color: '#c62828' });
    page = await signInAs(browser, server.url, 'lead1', { password: TEST_PASSWORD });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rows = (p: Page) => p.getByRole('grid', { name: '案件队列' }).getByRole('row');

  it('a lead tags a case, filters the queue by the tag, saves the view, reloads: the filter holds', async () => {
    await page.goto(`${server.url}/cases/${tagged}`);
    await page.getByRole('button', { name: '为案件标签添加标签' }).click();
    await page.getByRole('combobox', { name: '选择标签' }).fill('团');
    await page.getByRole('option', { name: '团伙' }).click();
    await page.getByTestId('case-tags').getByTestId('tag-chip-gang').waitFor();

    await page.goto(`${server.url}/queue`);
    await rows(page).filter({ hasText: '晨光百货' }).waitFor();
    await page.getByRole('combobox', { name: '标签' }).click();
    await page.getByRole('option', { name: '团伙' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/[?&]tags=gang/);
    await expect.poll(() => page.getByTestId('queue-total').textContent()).toBe('共 1 件');
    await rows(page).filter({ hasText: '星河数码专营店' }).getByTestId('tag-chip-gang').waitFor();

    await page.getByRole('button', { name: '打开已保存的视图' }).click();
    await page.getByRole('menuitem', { name: '保存视图' }).click();
    const dialog = page.getByRole('dialog', { name: '保存当前筛选为视图' });
    await dialog.getByLabel('视图名称').fill('团伙案件');
    await dialog.getByLabel('共享给队列').click();
    await page.getByRole('option', { name: '队列 general' }).click();
    await dialog.getByRole('button', { name: '保存视图' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.reload();
    await expect.poll(() => page.getByTestId('queue-total').textContent()).toBe('共 1 件');
    expect(new URL(page.url()).searchParams.get('tags')).toBe('gang');
    await page.getByRole('combobox', { name: '标签' }).locator('..').getByTestId('tag-chip-gang').waitFor();
    await page.getByRole('button', { name: '打开已保存的视图' }).click();
    await page
      .getByRole('menuitem', { name: /团伙案件/ })
      .getByText('已共享给 队列 general')
      .waitFor();
    await page.keyboard.press('Escape');
  });

  it('falls back to defaults for bad URL values, opens a saved view, and goes back with the browser', async () => {
    await page.goto(`${server.url}/queue?sort=<script>&status=gone&page=9&cursor=%%%`);
    await expect.poll(() => page.getByTestId('queue-total').textContent()).toBe('共 2 件');
    await page.getByRole('button', { name: '打开已保存的视图' }).click();
    await page.getByRole('menuitem', { name: /团伙案件/ }).click();
    await page.waitForURL(/[?&]tags=gang/);
    await expect.poll(() => page.getByTestId('queue-total').textContent()).toBe('共 1 件');
    await page.goBack();
    await expect.poll(() => page.getByTestId('queue-total').textContent()).toBe('共 2 件');
    await page.goForward();
    await expect.poll(() => page.getByTestId('queue-total').textContent()).toBe('共 1 件');
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { errorOf } from '../support/errors';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('the integration tokens page (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a token with an expiry (shown once), and revokes it after confirmation', async () => {
    const admin = await signInAs(browser, server.url, 'admin');
    await admin.getByRole('link', { name: '接口令牌' }).click();
    await admin.getByRole('heading', { name: '接口令牌' }).waitFor();
    await admin.getByRole('button', { name: '新建令牌' }).click();
    const dialog = admin.getByRole('dialog', { name: '新建接口令牌' });
    await dialog.getByLabel('名称').fill('shop.sync');
    await dialog.getByLabel('处置变更拉取').check();
    await dialog.getByLabel('有效期').click();
    await admin.getByRole('option', { name: '30 天' }).click();
    await dialog.getByRole('button', { name: '创建' }).click();

    const token = await admin.getByTestId('new-token').inputValue();
    expect(token).toMatch(/^vdt_/);
    const feed = createApiClient(server.url, { authorization: `Bearer ${token}` });
    await expect(feed.trpc.enforcement.changes.query({ limit: 1 })).resolves.toHaveProperty('items');
    await admin.getByRole('button', { name: '我已保存' }).click();

    const row = admin.getByTestId('token-shop.sync');
    await row.getByText('有效').waitFor();
    await row.getByText('处置变更拉取').waitFor();
    const stored = await server.db
      .selectFrom('integration_tokens')
      .select(['expires_at', 'created_at'])
      .where('name', '=', 'shop.sync')
      .executeTakeFirstOrThrow();
    expect(Date.parse(stored.expires_at ?? '') - Date.parse(stored.created_at)).toBe(30 * 86_400_000);
    await saveScreenshot(admin, 'tokens');

    await row.getByRole('button', { name: '吊销' }).click();
    const confirm = admin.getByRole('dialog', { name: '吊销令牌 shop.sync？' });
    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(feed.trpc.enforcement.changes.query({ limit: 1 })).resolves.toHaveProperty('items');
    await row.getByRole('button', { name: '吊销' }).click();
    await confirm.getByRole('button', { name: '吊销' }).click();
    await admin.getByText('令牌 shop.sync 已吊销').waitFor();
    await row.getByText('已吊销').waitFor();
    expect(await row.getByRole('button', { name: '吊销' }).count()).toBe(0);
    expect((await errorOf(feed.trpc.enforcement.changes.query({}))).data?.code).toBe('UNAUTHORIZED');
  }, 60_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, signInAs } from '../support/browser';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('internal notes with a mention (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    await createStaff(server.db, [
      { username: 'li.na', role: 'reviewer' },
      { username: 'wang.wei', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], position: 99 });
    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    await intake.trpc.reports.submit.mutate(
      reportInput({
        summary: '疑似刷单，收货地址集中',
        subject: { id: 'M-NOTES-1', kind: 'merchant', name: '鹦鹉螺数码旗舰店' },
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a reviewer searches, opens the subject page, mentions a colleague in a note; the colleague sees it live and opens it', async () => {
    const colleague = await signInAs(browser, server.url, 'wang.wei', { password: TEST_PASSWORD });
    // The bell's name says how many are unread: none yet.
    await colleague.getByRole('button', { name: '提及我的备注', exact: true }).waitFor();

    const reviewer = await signInAs(browser, server.url, 'li.na', { password: TEST_PASSWORD });
    // From a search (two Chinese characters of the shop's name) to the subject's page.
    await reviewer.keyboard.press('Control+k');
    await reviewer.getByRole('combobox', { name: '命令面板' }).fill('鹦鹉');
    await reviewer.getByRole('option', { name: /^会员 · 会员 M-NOTES-1 · 鹦鹉螺数码旗舰店/ }).click();
    await reviewer.waitForURL('**/subjects/M-NOTES-1');
    await reviewer
      .getByRole('heading', { name: /鹦鹉螺数码旗舰店/ })
      .first()
      .waitFor();
    const input = reviewer.getByTestId('note-input');
    await input.fill('收货地址与另一家店重合，请 @wa');
    // The autocomplete offers the colleague; Enter takes the highlighted one.
    await reviewer.getByRole('option', { name: /@wang\.wei/ }).waitFor();
    await input.press('Enter');
    expect(await input.inputValue()).toBe('收货地址与另一家店重合，请 @wang.wei ');
    await input.pressSequentially('核对 **订单号**');
    await reviewer.getByRole('button', { name: '添加备注' }).click();
    const note = reviewer.getByTestId('note').filter({ hasText: '收货地址与另一家店重合' });
    await note.waitFor();
    expect(await note.getByTestId('note-mention').textContent()).toBe('@wang.wei');
    expect(await note.locator('strong').textContent()).toBe('订单号');
    await reviewer.context().close();

    // Live: the colleague's bell counts the mention without a reload.
    await colleague.getByRole('button', { name: '提及我的备注，1 条未读' }).click();
    await colleague.getByTestId('inbox-item').filter({ hasText: '核对' }).click();
    await colleague.waitForURL(/\/subjects\/M-NOTES-1#note-\d+$/);
    await colleague
      .getByTestId('notes-panel')
      .getByTestId('note')
      .filter({ hasText: '收货地址与另一家店重合' })
      .waitFor();
    // Opening it marked it read.
    await colleague.getByRole('button', { name: '提及我的备注', exact: true }).waitFor();
    // A fresh load with mentions in the inbox renders too (the bell's times wait for the platform clock).
    await colleague.reload();
    await colleague.getByTestId('notes-panel').getByTestId('note').first().waitFor();
    await colleague.context().close();
  }, 90_000);
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeExpiredAppeals } from '../../server/services/appealExpiry.service';
import { expireLeases } from '../../server/services/assignment.service';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { systemContext } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const total = async (page: Page) => Number((await page.getByTestId('queue-total').textContent())?.replace(/\D/g, ''));

describe.skipIf(!HAS_CHROMIUM)('claiming from the queue (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("one reviewer claims with the keyboard; the other's queue updates without a reload", async () => {
    // The demo month leaves appeal windows and leases that have already run out. The desk's own
    // sweeps settle them within the minute, which once moved the count mid-test; settle them
    // first, so the watcher's count moves only with what this test does.
    const ctx = systemContext(server.db);
    await closeExpiredAppeals(ctx);
    await expireLeases(ctx);
    const watcher = await signInAs(browser, server.url, 'reviewer2');
    // The watcher looks at unassigned open cases only.
    await watcher.getByRole('combobox', { name: '处理人' }).click();
    await watcher.getByRole('option', { name: '未分配' }).click();
    await watcher.locator('.MuiDataGrid-row').first().waitFor();
    await expect.poll(() => total(watcher)).toBeGreaterThan(0);
    const before = await total(watcher);

    const claimer = await signInAs(browser, server.url, 'reviewer');
    await claimer.locator('.MuiDataGrid-row').first().waitFor();
    await claimer.keyboard.press('n');
    await claimer.waitForURL(/\/cases\/\d+$/);
    const caseId = Number(/\/cases\/(\d+)$/.exec(claimer.url())?.[1]);
    await claimer.getByTestId('case-status').filter({ hasText: '处理中' }).waitFor();
    await saveScreenshot(claimer, 'case');

    // Pushed over SSE: the watcher's unassigned count drops and the case leaves their list.
    // (At least by one: twice in CI other cases of the demo desk left the count meanwhile too.)
    await expect.poll(() => total(watcher), { timeout: 10_000 }).toBeLessThanOrEqual(before - 1);
    // The count can drop first for another case; the claimed row goes with the refetch that follows.
    await expect
      .poll(() => watcher.locator(`.MuiDataGrid-row[data-id="${caseId}"]`).count(), { timeout: 10_000 })
      .toBe(0);
    const row = await server.db
      .selectFrom('cases')
      .innerJoin('users', 'users.id', 'cases.assignee_id')
      .select(['cases.status', 'users.username'])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'assigned', username: 'reviewer' });

    // A release that cannot reach the server says so inside the dialog (not behind its
    // backdrop); opened again, the dialog starts clean.
    await claimer.route('**/trpc/*queue.release*', (route) => route.abort('connectionrefused'));
    await claimer.getByRole('button', { name: '退回队列' }).click();
    const dialog = claimer.getByRole('dialog', { name: '退回队列' });
    await dialog.getByLabel('原因').fill('网络中断前的原因');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByRole('alert').getByText('无法连接服务器').waitFor();
    await claimer.unrouteAll();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await claimer.getByRole('button', { name: '退回队列' }).click();
    expect(await dialog.getByLabel('原因').inputValue()).toBe('');
    expect(await dialog.getByRole('alert').count()).toBe(0);

    // Releasing it with a reason puts it back in front of the watcher: one more than just before.
    await dialog.getByLabel('原因').fill('需要专项审核');
    const beforeRelease = await total(watcher);
    await dialog.getByRole('button', { name: '确定' }).click();
    await claimer.getByRole('heading', { name: '案件队列' }).waitFor();
    await expect.poll(() => total(watcher), { timeout: 10_000 }).toBe(beforeRelease + 1);
    const released = await server.db
      .selectFrom('cases')
      .select(['status', 'assignee_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(released).toEqual({ status: 'triaged', assignee_id: null });
  }, 60_000);
});

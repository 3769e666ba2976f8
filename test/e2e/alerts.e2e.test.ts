import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser, signInAs } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('account-security alerts (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The demo alerts (server/demo/demoAlerts.ts) by their external id. */
  const alert = (n: number) =>
    server.db
      .selectFrom('security_alerts')
      .select(['id', 'status', 'resolution', 'batch_id'])
      .where('external_id', '=', `demo-alert-${n}`)
      .executeTakeFirstOrThrow();
  const row = (page: Page, id: number) => page.locator(`.MuiDataGrid-row[data-id="${id}"]`);

  it("a reviewer sees a shop's alerts on its case, disables a sub-account, and verifies the rest as no risk in bulk", async () => {
    const page = await signInAs(browser, server.url, 'reviewer');
    // The case page of 杭州悦享数码专营店 (M10000): three pending alerts, two on one sub-account.
    const c = await server.db
      .selectFrom('cases')
      .select('id')
      .where('subject_id', '=', 'M10000')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/cases/${c.id}`);
    const card = page.getByRole('region', { name: '账号安全预警' });
    await card.getByText('3 条待处理').waitFor();
    await card.getByText(/访问量异常 · 客服小王（子账号）/).waitFor();
    await card.getByRole('link', { name: '查看该店铺的全部预警' }).click();

    await page.getByRole('heading', { name: '账号安全预警', level: 1 }).waitFor();
    await page.getByText('仅显示店铺 M10000 的预警').waitFor();
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(3);
    await page.getByRole('button', { name: '显示全部' }).click();
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(4);
    expect(await page.getByRole('tab', { name: '待处理预警（4）' }).getAttribute('aria-selected')).toBe('true');

    // Disabling the sub-account handles both of its alerts, whichever one it is done from.
    const [login, spike] = [await alert(1), await alert(2)];
    await row(page, login.id).getByRole('button', { name: '处置账号' }).click();
    const dialog = page.getByRole('dialog', { name: '处置账号：客服小王（子账号 sub-kefu-01）' });
    await dialog.getByRole('radio', { name: '停用子账号' }).check();
    await dialog.getByRole('button', { name: '确认处置' }).click();
    await expect.poll(() => page.getByTestId('alerts-done').textContent()).toBe('已处理 2 条预警');
    for (const a of [await alert(1), await alert(2)])
      expect(a).toMatchObject({ status: 'handled', resolution: 'disable_sub_account' });
    expect((await alert(1)).batch_id).toBe((await alert(2)).batch_id);
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(2);
    expect(await row(page, spike.id).count()).toBe(0);

    // The main account cannot be disabled or deleted: only a password change is offered.
    const main = await alert(3);
    await row(page, main.id).getByRole('button', { name: '处置账号' }).click();
    const mainDialog = page.getByRole('dialog', { name: /^处置账号：悦享数码/ });
    expect(await mainDialog.getByRole('radio').count()).toBe(1);
    expect(await mainDialog.getByRole('radio', { name: '督促修改密码' }).isChecked()).toBe(true);
    await mainDialog.getByRole('button', { name: '取消' }).click();

    // Both remaining alerts, ticked and verified as no risk at once: one batch.
    const other = await alert(4);
    await row(page, main.id).getByRole('checkbox').check();
    await row(page, other.id).getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量核实无风险（2）' }).click();
    const bulk = page.getByRole('dialog', { name: '核实无风险：2 条预警' });
    await bulk.getByLabel('备注（选填）').fill('已与商家电话核实，均为本人出差登录');
    await bulk.getByRole('button', { name: '核实无风险' }).click();
    await expect.poll(() => page.getByTestId('alerts-done').textContent()).toBe('已处理 2 条预警');
    const [a3, a4] = [await alert(3), await alert(4)];
    expect(a3).toMatchObject({ status: 'handled', resolution: 'no_risk' });
    expect(a4.batch_id).toBe(a3.batch_id);
    const events = await server.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('batch_id', '=', a3.batch_id ?? '')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['alert.handled', 'alert.handled']);
    await page.getByText('没有预警').waitFor();

    // Everything is in the handled list now, with how and by whom.
    await page.getByRole('tab', { name: '已处理预警（6）' }).click();
    await expect.poll(() => page.locator('.MuiDataGrid-row').count()).toBe(6);
    expect(await row(page, other.id).getByText('核实无风险').isVisible()).toBe(true);
    expect(await row(page, other.id).getByText('审核员 李明').isVisible()).toBe(true);
    await page.context().close();
  }, 60_000);
});

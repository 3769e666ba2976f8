import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

const VIEWPORT = { width: 1440, height: 900 };

/** Whether the whole element is on screen, without scrolling, in the 1440×900 viewport. */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  if (!box) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height;
}

const caseIdOf = (page: Page) => Number(/\/cases\/(\d+)$/.exec(page.url())?.[1] ?? 0);

/**
 * Issue 15 on the demo desk: n gives the case back, "keep and go next" holds it within the
 * queue's hold limit, shortcuts ignore Shift / Caps Lock and work after a filter was picked,
 * the case page keeps the decision form and the standing in view, the escalations queue is named.
 */
describe.skipIf(!HAS_CHROMIUM)('claim hygiene and the case page (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let reviewerPage: Page;
  const held: number[] = [];
  const api = () => signIn(server.url, 'reviewer', DEMO_PASSWORD);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    // The reviewer works only the general queue here, so its hold limit is the one that counts.
    const reviewer = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'reviewer')
      .executeTakeFirstOrThrow();
    await server.db
      .deleteFrom('queue_members')
      .where('user_id', '=', reviewer.id)
      .where('queue_id', '!=', 'general')
      .execute();
    // The demo month hands a few cases to reviewers; this reviewer starts holding none, so the
    // limits below count only what the test claims.
    await server.db
      .updateTable('cases')
      .set({ status: 'triaged', assignee_id: null, lease_until: null })
      .where('assignee_id', '=', reviewer.id)
      .where('status', '=', 'assigned')
      .execute();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a lead set a queue hold limit, and shows the escalations queue named, worked by the leads', async () => {
    const page = await signInAs(browser, server.url, 'lead');
    await page.goto(`${server.url}/queues`);
    const escalations = page.getByRole('region', { name: '升级处理' });
    await escalations.getByRole('listitem').filter({ hasText: '组长 陈静' }).waitFor();
    await escalations.getByText('所有组长默认为本队列成员').waitFor();
    const general = page.getByRole('region', { name: '综合审核' });
    await general.getByText('每人同时持有上限：3 件').waitFor();
    await general.getByRole('button', { name: '编辑队列：综合审核' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑队列' });
    await dialog.getByLabel('每人同时持有上限（件）').fill('0');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请输入 1–1000 的整数').waitFor();
    await dialog.getByLabel('每人同时持有上限（件）').fill('2');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await general.getByText('每人同时持有上限：2 件').waitFor();
    await page.context().close();
  });

  it('claims with N (Caps Lock) right after a filter was picked with the mouse', async () => {
    reviewerPage = await signInAs(browser, server.url, 'reviewer');
    const page = reviewerPage;
    await page.getByRole('combobox', { name: '排序' }).click();
    await page.getByRole('option', { name: '按处理时限' }).click();
    // The closed select keeps the focus: n must still reach the page. "N" is what Caps Lock types.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.press('N');
    await page.waitForURL(/\/cases\/\d+$/);
    held.push(caseIdOf(page));
  });

  it('keeps the decision form and the standing in view at 1440×900', async () => {
    const page = reviewerPage;
    const decision = page.getByRole('region', { name: '处理决定' });
    const standing = page.getByTestId('standing');
    await standing.getByRole('table').first().waitFor();
    await decision.getByRole('button', { name: /驳回/ }).waitFor();
    expect(await inViewport(decision)).toBe(true);
    expect(await inViewport(standing)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await saveScreenshot(page, 'case-1440-after');
  });

  it('keeps the case with "keep and go next" up to the hold limit, then refuses and stays', async () => {
    const page = reviewerPage;
    const first = held[0] ?? 0;
    await page.getByRole('button', { name: '保留并下一个' }).click();
    await page.waitForURL((url) => /\/cases\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${first}`));
    held.push(caseIdOf(page));
    const reviewer = await api();
    expect((await reviewer.trpc.cases.get.query({ id: first })).assignee?.name).toBe('审核员 李明');
    await page.getByRole('button', { name: '保留并下一个' }).click();
    await page.getByRole('alert').filter({ hasText: '持有的案件已达上限' }).waitFor();
    expect(caseIdOf(page)).toBe(held[1]);
  });

  it('gives the case back with Shift+N and opens the next one', async () => {
    const page = reviewerPage;
    const second = held[1] ?? 0;
    await page.keyboard.press('Shift+KeyN');
    await page.waitForURL((url) => /\/cases\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${second}`));
    held.push(caseIdOf(page));
    const reviewer = await api();
    expect(await reviewer.trpc.cases.get.query({ id: second })).toMatchObject({ status: 'triaged', assignee: null });
    expect(held[2]).not.toBe(held[0]);
  });

  it('shows the lead who holds what, with the lease end', async () => {
    const page = await signInAs(browser, server.url, 'lead');
    await page.goto(`${server.url}/queues`);
    const row = page.getByTestId('held-cases').getByRole('row').filter({ hasText: '审核员 李明' });
    await row.getByText('2／2').waitFor();
    for (const id of [held[0], held[2]]) await row.getByRole('link', { name: new RegExp(`^#${id} 至 `) }).waitFor();
    await page.context().close();
  });

  it('names the escalations queue in the header right after escalating', async () => {
    const page = reviewerPage;
    const id = held[2] ?? 0;
    const reviewer = await api();
    const c = await reviewer.trpc.cases.get.query({ id });
    await reviewer.trpc.cases.decide.mutate({ id, version: c.version, decision: 'escalate', reason: '需要组长判断。' });
    const header = page.locator('main').getByText('升级处理', { exact: true });
    await header.waitFor();
    expect(await page.locator('main').getByText('escalations', { exact: true }).count()).toBe(0);
  });
});

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs as signInAsIn } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

/** Tall enough that the README screenshot shows three rows of charts; charts honour reduced motion. */
const signInAs = (browser: Browser, url: string, username: string) =>
  signInAsIn(browser, url, username, {
    context: { viewport: { width: 1440, height: 1250 }, acceptDownloads: true, reducedMotion: 'reduce' },
  });

/** Clicks a chart's "export CSV" and returns the file's name and text. */
async function exportCsv(page: Page, chartTitle: string) {
  const region = page.getByRole('region', { name: chartTitle });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    region.getByRole('button', { name: /CSV/ }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe.skipIf(!HAS_CHROMIUM)('the dashboard (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    // The demo's decisions were made without claiming first (no handling time); the reviewer
    // also claims and dismisses three cases, which are timed from their claims.
    const reviewer = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    for (let i = 0; i < 3; i++) {
      const next = await reviewer.trpc.queue.next.mutate({});
      if (!next) throw new Error('the demo queue is empty');
      const c = await reviewer.trpc.cases.get.query({ id: next.caseId });
      await reviewer.trpc.cases.decide.mutate({
        id: c.id,
        version: c.version,
        decision: 'dismiss',
        reason: '经核查不构成违规。',
      });
    }
  });
  /** Decisions in effect made by `username` (the demo's span is shorter than the 30-day period). */
  const decisionsBy = async (username: string) =>
    (
      await server.db
        .selectFrom('decisions')
        .innerJoin('users', 'users.id', 'decisions.decided_by')
        .select('decisions.id')
        .where('users.username', '=', username)
        .where('decisions.status', '=', 'effective')
        .execute()
    ).length;
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a lead sees the team's charts, exports one as CSV, then reads the dashboard in English", async () => {
    const page = await signInAs(browser, server.url, 'lead');
    await page.getByRole('navigation', { name: '导航' }).getByRole('link', { name: '数据看板' }).click();
    await page.getByRole('heading', { name: '数据看板', level: 1 }).waitFor();
    // The demo lead is in the general queue with three reviewers, who also work the other three
    // queues; and, as every lead, the lead works the escalations queue.
    await expect
      .poll(() => page.getByTestId('dashboard-scope').textContent())
      .toContain('团队数据：4 名成员 · 5 个队列');
    expect(await page.getByTestId('dashboard-scope').textContent()).toMatch(/UTC\+8 至 .* UTC\+8$/);
    for (const title of [
      '待处理案件：按队列与等待时长',
      '处理时限：已超时与预计超时',
      '每日进件：按来源',
      '处理决定：按违规类型与结果',
      '审核员产能与处理时长中位数',
      '双人复核退回率',
      '申诉率与改判率：按审核员',
      '申诉率与改判率：按违规类型',
    ])
      await page.getByRole('region', { name: title }).locator('svg').first().waitFor();

    // Export: the file holds what the chart shows, with Chinese headers.
    const throughput = await exportCsv(page, '审核员产能与处理时长中位数');
    expect(throughput.name).toMatch(/^throughput-30d-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = throughput.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('审核员,决定数,日均决定数,处理时长中位数（分钟）,计时样本数');
    // Every decision of the last 30 days (the demo's and the three above); the three are timed.
    const decisions = await decisionsBy('reviewer');
    expect(decisions).toBeGreaterThan(3);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^审核员 李明,${decisions},[\\d.]+,[\\d.]+,3$`)));
    const open = await exportCsv(page, '待处理案件：按队列与等待时长');
    expect(open.text).toContain('队列,不足 1 天,1–3 天,3–7 天,7 天以上,合计');
    expect(open.text).toContain('综合审核,');

    await saveScreenshot(page, 'dashboard');

    // The last 7 days: a shorter period, the same charts.
    await page.getByRole('button', { name: '近 7 天' }).click();
    expect(await page.getByRole('button', { name: '近 7 天' }).getAttribute('aria-pressed')).toBe('true');
    expect((await exportCsv(page, '审核员产能与处理时长中位数')).name).toMatch(/^throughput-7d-/);

    // English from the user menu: every title, the scope line and the period switch follow.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Open cases by queue and age' }).waitFor();
    await page.getByRole('region', { name: 'Reviewer throughput and median handling time' }).waitFor();
    expect(await page.getByTestId('dashboard-scope').textContent()).toMatch(
      /^Team figures: 4 members · 5 queues · .* UTC\+8 to .* UTC\+8$/,
    );
    expect(await page.getByRole('button', { name: 'Last 30 days' }).isVisible()).toBe(true);
    const english = await exportCsv(page, 'Open cases by queue and age');
    expect(english.text).toContain('Queue,Under 1 day,1–3 days,3–7 days,Over 7 days,Total');
    expect(english.text).toContain('General review,');
    await page.context().close();
  }, 60_000);

  it('shows a reviewer only their own figures', async () => {
    const page = await signInAs(browser, server.url, 'reviewer');
    await page.goto(`${server.url}/dashboard`);
    await expect.poll(() => page.getByTestId('dashboard-scope').textContent()).toContain('仅显示您本人的数据');
    const throughput = await exportCsv(page, '审核员产能与处理时长中位数');
    const rows = throughput.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows).toEqual([expect.stringMatching(new RegExp(`^审核员 李明,${await decisionsBy('reviewer')},`))]);
    await page.context().close();
  }, 60_000);
});

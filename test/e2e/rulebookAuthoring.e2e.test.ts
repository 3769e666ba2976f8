import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('rulebook authoring (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    // Publishing needs a second admin.
    await createStaff(server.db, [{ username: 'admin.two', role: 'admin' }]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const wide = { context: { viewport: { width: 1600, height: 1000 } } };

  it('an admin edits a node duration, sees the field error and the diff, simulates, and asks to publish; a second admin approves', async () => {
    const admin = await signInAs(browser, server.url, 'admin', wide);
    admin.setDefaultTimeout(20_000);

    // From the rulebook page to a new Taobao draft.
    await admin.getByRole('navigation', { name: '导航' }).getByRole('link', { name: '规则库' }).click();
    await admin.getByTestId('rulebook-published-version').getByText('现行第 1 版', { exact: false }).waitFor();
    await admin.getByRole('link', { name: '规则草稿' }).click();
    await admin.getByRole('heading', { name: '规则草稿', level: 1 }).waitFor();
    await admin.getByText('没有待批准的发布申请').waitFor();
    await admin.getByRole('button', { name: '新建草稿' }).click();
    await admin.getByTestId('draft-create-confirm').click();
    await admin.getByRole('heading', { name: '淘宝规则草稿', level: 1 }).waitFor();
    expect(await admin.getByTestId('draft-status').textContent()).toBe('编辑中');

    // The 12-point serious node: 7 days. A duration that is not a number is refused at the field, live.
    const node = admin.getByTestId('draft-node-serious-0');
    const days = node.getByLabel('持续天数');
    expect(await days.inputValue()).toBe('7');
    await days.fill('七');
    await node.getByText('请输入不小于 1 的整数').waitFor();
    expect(await admin.getByRole('button', { name: '保存草稿' }).isEnabled()).toBe(true);
    await days.fill('30');
    await node.getByText('请输入不小于 1 的整数').waitFor({ state: 'detached' });
    await admin.getByText('校验通过', { exact: false }).waitFor();
    await admin.keyboard.press('Control+s');
    await admin.getByText('没有未保存的修改', { exact: false }).waitFor();

    // The diff: the serious ledger's first node, 7 days before, 30 days after, in words.
    await admin.getByRole('tab', { name: '差异' }).click();
    const diff = admin.getByTestId('draft-diff');
    const row = diff.getByRole('region', { name: '积分：严重违规' }).getByRole('row').filter({ hasText: '持续天数' });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('第 1 个节点 › 持续天数');
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('7 天');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('30 天');
    await saveScreenshot(admin, 'rulebook-draft-diff');

    // Impact: run as of today, wait for the counts, and the list of subjects to open.
    await admin.getByRole('tab', { name: '影响模拟' }).click();
    await admin.getByRole('button', { name: '开始模拟' }).click();
    const counts = admin.getByTestId('simulation-counts');
    await counts.waitFor({ timeout: 60_000 });
    for (const label of ['受影响主体', '积分变化', '节点变化', '处罚变化', '查封变化', '降权变化']) {
      expect(await counts.getByText(label).count(), label).toBe(1);
    }
    // Only durations changed: no points or seals move.
    const count = async (label: string) =>
      Number(
        await counts
          .locator('div', { has: admin.getByText(label, { exact: true }) })
          .locator('dd')
          .textContent(),
      );
    expect(await count('积分变化')).toBe(0);
    expect(await count('查封变化')).toBe(0);
    expect(await count('受影响主体')).toBe(await count('处罚变化'));
    // The demo has a subject whose 12-point node ran its 7 days and is over: at 30 days it still runs.
    expect(await count('受影响主体')).toBeGreaterThanOrEqual(1);
    const subjects = admin.getByTestId('simulation-subjects');
    const first = subjects.getByRole('row').nth(1);
    expect(await first.getByRole('cell').nth(1).textContent()).toBe('处罚变化');
    expect(await first.getByRole('cell').nth(2).textContent()).toBe('无处罚');
    expect(await first.getByRole('cell').nth(3).textContent()).toMatch(/店铺屏蔽.*（至 \d{4}-\d{2}-\d{2}）/);
    const link = first.getByRole('link', { name: /^打开主体 / });
    const subjectId = await link.textContent();
    // The export carries the same subjects.
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByTestId('simulation-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^verdict-simulation-\d+\.csv$/);
    expect(readFileSync(await download.path(), 'utf8')).toContain(subjectId ?? '?');
    // Each subject opens on its own page.
    await link.click();
    await admin.waitForURL(`**/subjects/${subjectId}`);
    await admin.goBack();
    await counts.waitFor();

    // Publish from today: confirm; then it waits for someone else.
    await admin.getByRole('tab', { name: '发布' }).click();
    const today = await admin.getByLabel('生效日期（平台时间）').getAttribute('min');
    await admin.getByLabel('生效日期（平台时间）').fill(today ?? '');
    await admin.getByRole('button', { name: '申请发布' }).click();
    const confirm = admin.getByRole('dialog', { name: '申请发布规则草稿' });
    await confirm.getByRole('button', { name: '申请发布' }).click();
    await admin.getByTestId('draft-waiting').waitFor();
    expect(await admin.getByTestId('draft-status').textContent()).toBe('等待另一位管理员批准');
    const ownApprove = admin.getByRole('button', { name: '批准发布' });
    expect(await ownApprove.isDisabled()).toBe(true);
    await admin.getByText('你是发布申请人，需由另一位管理员批准。').waitFor();
    await admin.context().close();

    // The second admin finds it waiting, approves it, and the rulebook page shows version 2.
    const second = await signInAs(browser, server.url, 'admin.two', { ...wide, password: TEST_PASSWORD });
    second.setDefaultTimeout(20_000);
    await second.goto(`${server.url}/rulebook/drafts`);
    const pending = second.getByTestId('drafts-pending');
    await pending.getByRole('link', { name: /淘宝/ }).click();
    await approve(second);
    await second.getByText(/已发布为第 2 版/).waitFor();
    await second.goto(`${server.url}/rulebook?tab=ledgers`);
    await second.getByTestId('rulebook-published-version').getByText('现行第 2 版', { exact: false }).waitFor();
    const serious = second.getByRole('region', { name: '严重违规' });
    await serious.getByRole('cell', { name: '30 天', exact: true }).first().waitFor();
    await second.context().close();
  }, 180_000);

  it('a stale save is refused with a reload; shadow mode starts and stops; the screens pass axe, in English too', async () => {
    const one = await signInAs(browser, server.url, 'admin', wide);
    one.setDefaultTimeout(20_000);
    await one.goto(`${server.url}/rulebook/drafts?platform=xianyu`);
    await one.getByRole('button', { name: '新建草稿' }).click();
    await one.getByTestId('draft-create-confirm').click();
    await one.getByRole('heading', { name: '闲鱼规则草稿', level: 1 }).waitFor();
    expect(await seriousViolations(one)).toEqual([]);
    const draftUrl = one.url();

    // A second admin opens the same draft and starts changing the 48-point node; meanwhile the
    // first changes it too and saves.
    const two = await signInAs(browser, server.url, 'admin.two', { ...wide, password: TEST_PASSWORD });
    two.setDefaultTimeout(20_000);
    await two.goto(draftUrl);
    const nodeAt = (page: Page) => page.getByTestId('draft-node-serious-0').getByLabel('节点分值');
    await nodeAt(two).fill('60');
    await two.getByText(/^有未保存的修改/).waitFor();
    await nodeAt(one).fill('50');
    await one.getByRole('button', { name: '保存草稿' }).click();
    await one.getByText('没有未保存的修改', { exact: false }).waitFor();

    // The second's edits were made on the version before: refused, said plainly, and reloaded on request.
    await two.getByRole('button', { name: '保存草稿' }).click();
    await two.getByText('这份草稿已被他人修改并保存', { exact: false }).waitFor();
    await two.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => nodeAt(two).inputValue()).toBe('50');

    // Shadow mode for three days, then stopped.
    await two.getByRole('tab', { name: '影子运行' }).click();
    await two.getByLabel('运行天数').fill('3');
    await two.getByRole('button', { name: '开始影子运行' }).click();
    await two.getByText(/^影子运行中，至 /).waitFor();
    await two.getByText('暂无差异').waitFor();
    expect(await seriousViolations(two)).toEqual([]);
    await two.getByRole('button', { name: '停止影子运行' }).click();
    await two.getByText('影子运行未开启').waitFor();

    // In English: the diff names the ledger, the node and the field.
    await two.getByTestId('user-menu').click();
    await two.getByRole('menuitem', { name: 'English' }).click();
    await two.getByRole('tab', { name: 'Changes' }).click();
    const row = two
      .getByTestId('draft-diff')
      .getByRole('region', { name: 'Points: Serious violations' })
      .getByRole('row')
      .filter({ hasText: 'node 1' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['node 1 › Points', '48', '50']);
    expect(await seriousViolations(two)).toEqual([]);

    // Discarded, it can no longer be edited.
    await two.getByRole('tab', { name: 'Publish' }).click();
    await two.getByRole('button', { name: 'Discard draft' }).click();
    await two
      .getByRole('dialog', { name: 'Discard this draft' })
      .getByRole('button', { name: 'Discard draft' })
      .click();
    await expect.poll(() => two.getByTestId('draft-status').textContent()).toBe('Discarded');
    await one.context().close();
    await two.context().close();
  }, 180_000);
});

async function approve(page: Page): Promise<void> {
  await page.getByTestId('draft-waiting').waitFor();
  await page.getByRole('button', { name: '批准发布' }).click();
  await page.getByRole('dialog', { name: '批准发布' }).getByRole('button', { name: '批准发布' }).click();
}

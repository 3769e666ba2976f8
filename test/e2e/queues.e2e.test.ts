import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('queue administration (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    // Fail at the step that breaks, well inside the test's own timeout.
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '案件队列' }).waitFor();
    return page;
  }

  const succeeded = (page: Page, message: string) =>
    expect.poll(() => page.getByTestId('queues-success').textContent()).toBe(message);

  it('a lead creates a queue, gives it a member and routes unfair competition to it', async () => {
    const page = await signedIn('lead');
    await page.getByRole('navigation', { name: '导航' }).getByRole('link', { name: '队列管理' }).click();
    await page.getByRole('heading', { name: '队列管理', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/queues$/);

    // A demo queue with its members.
    const general = page.getByRole('region', { name: '综合审核' });
    await general.getByRole('listitem').filter({ hasText: '审核员 李明' }).waitFor();
    await general.getByRole('listitem').filter({ hasText: '组长 陈静' }).waitFor();
    expect(await general.getByText('用户举报 30 天').isVisible()).toBe(true);

    // Create a queue; a malformed id is caught before anything is sent.
    await page.getByRole('button', { name: '新建队列' }).click();
    const queueDialog = page.getByRole('dialog', { name: '新建队列' });
    await queueDialog.getByLabel('队列标识').fill('Brand Protection');
    await queueDialog.getByLabel('中文名称').fill('品牌维权专项');
    await queueDialog.getByLabel('英文名称').fill('Brand protection');
    await queueDialog.getByLabel('人工抽查').fill('10');
    await queueDialog.getByRole('button', { name: '保存' }).click();
    await queueDialog.getByText('标识须为 2–40 个小写字母').waitFor();
    await queueDialog.getByLabel('队列标识').fill('brand-protection');
    await queueDialog.getByRole('button', { name: '保存' }).click();
    await queueDialog.waitFor({ state: 'detached' });
    await succeeded(page, '队列已创建');
    const created = page.getByRole('region', { name: '品牌维权专项' });
    await created.getByText('暂无成员').waitFor();
    expect(await created.getByText('人工抽查 10 天').isVisible()).toBe(true);

    // Add a member from the staff directory.
    await created.getByRole('button', { name: '编辑成员：品牌维权专项' }).click();
    const membersDialog = page.getByRole('dialog', { name: '“品牌维权专项”的成员' });
    await membersDialog.getByRole('combobox', { name: '成员' }).fill('王芳');
    await page.getByRole('option', { name: /审核员 王芳/ }).click();
    await membersDialog.getByRole('button', { name: '保存' }).click();
    await membersDialog.waitFor({ state: 'detached' });
    await succeeded(page, '“品牌维权专项”的成员已更新');
    await created.getByRole('listitem').filter({ hasText: '审核员 王芳' }).waitFor();

    // Route unfair competition to the new queue.
    await page.getByRole('button', { name: '新增规则' }).click();
    const ruleDialog = page.getByRole('dialog', { name: '新增分配规则' });
    await ruleDialog.getByRole('combobox', { name: '目标队列' }).click();
    await page.getByRole('option', { name: '品牌维权专项' }).click();
    await ruleDialog.getByRole('combobox', { name: '违规类型' }).fill('不正当');
    await page.getByRole('option', { name: /不正当竞争/ }).click();
    await ruleDialog.getByRole('button', { name: '保存' }).click();
    await ruleDialog.waitFor({ state: 'detached' });
    await succeeded(page, '规则已添加');
    const rows = page.getByTestId('routing-rules').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    const added = rows.nth(4);
    expect(await added.textContent()).toContain('品牌维权专项');
    expect(await added.textContent()).toContain('违规类型：不正当竞争');

    // The demo's catch-all rule comes before it; move the new rule above it so it can match.
    await page.getByRole('button', { name: '上移第 5 条规则' }).click();
    await succeeded(page, '规则顺序已调整');
    await expect.poll(() => rows.nth(3).textContent()).toContain('品牌维权专项');
    expect(await rows.nth(4).textContent()).toContain('综合审核');
    await saveScreenshot(page, 'queues');

    // Stored as shown.
    const rules = await server.db.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('id').execute();
    const rule = rules.find((r) => r.queue_id === 'brand-protection');
    expect(rule && JSON.parse(rule.match)).toEqual({ rules: ['unfair-competition'] });
    expect(rule?.enabled).toBe(1);
    expect(rules.map((r) => r.queue_id).slice(-2)).toEqual(['brand-protection', 'general']);
    const members = await server.db
      .selectFrom('queue_members')
      .innerJoin('users', 'users.id', 'queue_members.user_id')
      .select('users.username')
      .where('queue_members.queue_id', '=', 'brand-protection')
      .execute();
    expect(members.map((m) => m.username)).toEqual(['reviewer2']);
    const queue = await server.db
      .selectFrom('queues')
      .selectAll()
      .where('id', '=', 'brand-protection')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(queue.sla_days)).toEqual({ user_report: 30, spot_check: 10, system_detection: 7 });
    await page.context().close();
  }, 90_000);

  it('a reviewer sees the queues and rules but nothing to change them with', async () => {
    const page = await signedIn('reviewer');
    await page.goto(`${server.url}/queues`);
    await page.getByRole('heading', { name: '队列管理', level: 1 }).waitFor();
    await page.getByRole('region', { name: '综合审核' }).getByRole('listitem').first().waitFor();
    await page.getByTestId('routing-rules').waitFor();
    await page.getByText('只读：仅组长可修改队列与分配规则').waitFor();

    const main = page.getByRole('main');
    expect(await main.getByRole('button').count()).toBe(0);
    expect(await main.getByRole('switch').count()).toBe(0);
    expect(await main.getByRole('checkbox').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});

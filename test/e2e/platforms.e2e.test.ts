import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import type { PlatformId } from '../../shared/rulebook/platforms';
import { createApiClient, signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs } from '../support/browser';
import { createIntegrationToken, reportInput } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

type Api = ReturnType<typeof createApiClient>;

/**
 * A subject of each platform through the desk: reported through the API, decided in the browser
 * by its own platform's rules, its standing judged by its own platform's ledgers, and appealed.
 * The platform shows wherever the subject is named (queue, case, appeals).
 */
describe.skipIf(!HAS_CHROMIUM)('a Kuaishou and a Xianyu subject, end to end (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let intake: Api;
  let portal: Api;
  let senior: Api;
  const pages = new Map<string, Promise<Page>>();
  // One signed-in page per person for both subjects: signing in is the slow part.
  const pageOf = (username: string) => {
    const page = pages.get(username) ?? signInAs(browser, server.url, username);
    pages.set(username, page);
    return page;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    const bearer = async (name: string, scope: string) => ({
      authorization: `Bearer ${await createIntegrationToken(server.db, name, [scope])}`,
    });
    intake = createApiClient(server.url, await bearer('e2e-platform-intake', 'intake'));
    portal = createApiClient(server.url, await bearer('e2e-platform-portal', 'appeals'));
    senior = await signIn(server.url, 'senior', DEMO_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    for (const page of pages.values()) await (await page).context().close();
    await browser?.close();
    await server?.stop();
  });

  /** Reported through the API, and put ahead of every demo case in the queue. */
  async function reported(report: Record<string, unknown>): Promise<number> {
    const { caseId } = await intake.trpc.reports.submit.mutate(reportInput(report));
    await server.db
      .updateTable('cases')
      .set({ rank: 10 ** 12 })
      .where('id', '=', caseId)
      .execute();
    return caseId;
  }

  /** The queue filtered to one platform: every row shows that platform; the case opens from its row. */
  async function openFromQueue(page: Page, platform: string, caseId: number) {
    await page.getByRole('link', { name: '案件队列' }).click();
    await page.getByRole('combobox', { name: '平台' }).click();
    await page.getByRole('option', { name: platform, exact: true }).click();
    // The unfiltered rows stay until the filtered ones arrive: wait for those.
    const shown = page.locator('.MuiDataGrid-row [data-testid="subject-platform"]');
    await expect
      .poll(async () => new Set(await shown.allTextContents()), { timeout: 10_000 })
      .toEqual(new Set([platform]));
    const row = page.locator(`.MuiDataGrid-row[data-id="${caseId}"]`);
    await row.locator('[data-field="summary"]').click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByRole('heading', { name: '处理决定' }).waitFor();
    expect(await page.getByTestId('subject-platform').textContent()).toBe(platform);
  }

  /**
   * Applies the facts already typed; a decision held for four-eyes is approved by a senior, and
   * the page reloaded to show it in effect.
   */
  async function apply(page: Page, caseId: number, reason: string) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: `处罚：案件 ${caseId}` });
    await dialog.getByRole('textbox', { name: '理由' }).fill(reason);
    await dialog.getByRole('button', { name: /^(确认处罚|提交复核)$/ }).click();
    const result = page.getByTestId('decision-result');
    await result.filter({ hasText: /已处罚|已提交复核/ }).waitFor();
    if ((await result.textContent())?.includes('已提交复核')) {
      const pending = await senior.trpc.approvals.list.query();
      const decision = pending.find((d) => d.caseId === caseId);
      expect(decision).toBeDefined();
      await senior.trpc.approvals.approve.mutate({ decisionId: decision?.decisionId ?? 0 });
      await page.reload();
    }
  }

  /** A ledger's points as the standing card shows them, e.g. /^12 分/. */
  const pointsShown = (page: Page, points: RegExp) =>
    page
      .getByTestId('standing')
      .getByTestId(/^standing-points-/)
      .filter({ hasText: points })
      .first();

  /**
   * The member appeals through the portal; an officer finds it (platform shown), sees the
   * standing the decision caused (`points`) and upholds the appeal, which takes the points back.
   */
  async function appealUpheld(caseId: number, platform: string, points: RegExp) {
    const { appealId } = await portal.trpc.appeals.submit.mutate({
      caseId,
      statement: '我方并无上述行为，附合作协议为证',
      evidence: [{ kind: 'text', title: '合作协议编号', text: 'HZ-2024-0815' }],
    });
    const page = await pageOf('appeals');
    await page.getByRole('link', { name: '申诉审核' }).click();
    const row = page.locator(`[data-testid="appeal-row"][data-id="${appealId}"]`);
    expect(await row.getByTestId('subject-platform').textContent()).toBe(platform);
    await row.click();
    await page.waitForURL(new RegExp(`/appeals/${appealId}$`));
    expect(await page.getByTestId('subject-platform').textContent()).toBe(platform);
    await pointsShown(page, points).waitFor();
    const panel = page.getByTestId('appeal-decide');
    await panel.getByRole('button', { name: '批准申诉' }).click();
    await panel.getByLabel('理由').fill('协议核实无排他条款，撤销处罚');
    await panel.getByRole('button', { name: '确认批准' }).click();
    await page.getByTestId('appeal-status').filter({ hasText: '申诉成立' }).waitFor();
    await pointsShown(page, points).waitFor({ state: 'detached' });
    return page;
  }

  const standingOf = async (subjectId: string) => {
    const standing = (await senior.trpc.accounts.standing.query({ subjectId })) as unknown as {
      platform: PlatformId;
      points: Record<string, number>;
      punishments: { active: boolean; measures: string[] }[];
    };
    return { ...standing, running: standing.punishments.filter((p) => p.active).flatMap((p) => p.measures) };
  };

  it("a Kuaishou creator: decided by Kuaishou's rule and measures only, no Taobao node, appealed", async () => {
    const subjectId = 'K-E2E-CREATOR';
    const caseId = await reported({
      subject: { id: subjectId, kind: 'creator', name: '快手达人 小鹿', platform: 'kuaishou' },
      rule: 'unfair-competition',
      summary: '直播中声称与某品牌独家合作，并要求品牌方“二选一”',
    });
    const page = await pageOf('reviewer');
    await openFromQueue(page, '快手', caseId);

    // The reviewer's menu is Kuaishou's unfair-competition measures, nothing of Taobao's.
    await page.getByRole('textbox', { name: '扣分' }).fill('12');
    await page.getByRole('combobox', { name: '处理措施' }).click();
    const offered = await page.getByRole('option').allTextContents();
    expect(offered.sort()).toEqual(['封禁账号', '支付违约金', '暂停使用购物车', '清除平台、终止合作'].sort());
    await page.getByRole('option', { name: '暂停使用购物车' }).click();
    await expect.poll(() => page.getByTestId('preview-points').textContent()).toMatch(/^12 分/);
    await saveScreenshot(page, 'platform-case');
    await apply(page, caseId, '直播间公开声称独家合作，依快手规则处理');

    // Twelve points on a Taobao subject would shield its shop for 7 days; Kuaishou sets no node.
    const standing = await standingOf(subjectId);
    expect(standing.platform).toBe('kuaishou');
    expect(Object.values(standing.points)).toEqual([12]);
    expect(standing.running).not.toContain('shop-shielded');
    await pointsShown(page, /^12 分/).waitFor();
    const card = page.getByTestId('standing');
    expect(await card.getByTestId(/^standing-points-/).count()).toBe(1);
    expect(await card.textContent()).not.toContain('店铺屏蔽');
    expect(await card.textContent()).not.toContain('严重违规');

    await appealUpheld(caseId, '快手', /^12 分/);
    expect(Object.values((await standingOf(subjectId)).points)).toEqual([0]);

    // The rulebook page, one platform at a time: Kuaishou's lists its own rule only.
    await page.getByRole('link', { name: '规则库' }).click();
    await page.getByRole('tab', { name: '快手规则库' }).click();
    await page.getByRole('heading', { name: '不正当竞争', level: 2 }).waitFor();
    const listed = page.getByRole('navigation', { name: '规则列表' }).getByRole('button');
    expect(await listed.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('platform')).toBe('kuaishou');
    await saveScreenshot(page, 'rulebook-platforms');
  }, 90_000);

  it("a Xianyu seller: the queue offers Xianyu's rules only, its ledgers judge the finding, appealed", async () => {
    const subjectId = 'X-E2E-SELLER';
    const caseId = await reported({
      subject: { id: subjectId, kind: 'merchant', name: '闲鱼卖家 阿杰', platform: 'xianyu' },
      rule: 'xianyu-serious',
      summary: '闲置转卖中多次发布违禁品信息',
    });
    const page = await pageOf('reviewer');
    await page.getByRole('link', { name: '案件队列' }).click();
    await page.getByRole('combobox', { name: '平台' }).click();
    await page.getByRole('option', { name: '闲鱼', exact: true }).click();
    await page.getByRole('combobox', { name: '违规类型' }).click();
    const rules = await page.getByRole('option').allTextContents();
    expect(rules).toEqual(['全部', '闲鱼一般违规', '闲鱼严重违规', '闲鱼重大违规']);
    await page.keyboard.press('Escape');
    await page.getByRole('option').first().waitFor({ state: 'detached' });
    await saveScreenshot(page, 'platform-queue');
    await openFromQueue(page, '闲鱼', caseId);

    await page.getByRole('textbox', { name: '管控天数' }).fill('15');
    await expect.poll(() => page.getByTestId('preview-points').textContent()).toBe('12 分 · 严重违规');
    await apply(page, caseId, '多次发布违禁品信息，依闲鱼扣分规则处理');

    // Xianyu's serious ledger: 12 points, every item deleted and the shop under control.
    const standing = await standingOf(subjectId);
    expect(standing.platform).toBe('xianyu');
    expect(standing.points.serious).toBe(12);
    expect(standing.running).toEqual(expect.arrayContaining(['all-items-deleted', 'account-controlled']));
    await pointsShown(page, /^12 分/).waitFor();
    await page.getByTestId('standing').getByText('管控店铺').waitFor();

    const officer = await appealUpheld(caseId, '闲鱼', /^12 分/);
    await officer.getByTestId('standing').getByText('管控店铺').waitFor({ state: 'detached' });
    expect((await standingOf(subjectId)).points.serious).toBe(0);
  }, 90_000);
});

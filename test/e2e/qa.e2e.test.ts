import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient, signIn } from '../support/apiClient';
import { seriousViolations } from '../support/axe';
import { HAS_CHROMIUM, launchBrowser, signInAs as signInAsIn } from '../support/browser';
import { createIntegrationToken, reportInput } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const contexts: BrowserContext[] = [];

async function signInAs(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await signInAsIn(browser, url, username, {
    context: { viewport: { width: 1440, height: 1100 }, reducedMotion: 'reduce' },
  });
  contexts.push(page.context());
  return page;
}

/** The first reviewer's reason: it must appear nowhere on the blind QA page. */
const FIRST_REASON = '刷单证据确凿（原审核员的理由，盲审不可见）';
const QA_REASON = '订单均有真实物流与聊天记录，不构成虚假交易';
const LEAD_NOTE = '抽检意见正确：物流与聊天记录证明交易真实，撤销原处罚';

describe.skipIf(!HAS_CHROMIUM)('quality checks (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // Seeding the demo is slow on a loaded machine.
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  }, 180_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks a sampled decision through a blind check, a disagreement, the lead’s reversal and the dashboard', async () => {
    // A new case in a queue whose lead samples every decision.
    const token = await createIntegrationToken(server.db, 'e2e-qa-intake', ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    const subject = { id: 'M-E2E-QA', kind: 'merchant' as const, name: '质检测试店铺' };
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({ rule: 'fake-transaction', subject, summary: '疑似刷单 120 笔', facts: { transactions: 120 } }),
    );
    const lead = await signIn(server.url, 'lead', DEMO_PASSWORD);
    const reviewer = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    const c = await reviewer.trpc.cases.get.query({ id: caseId });
    if (!c.queue) throw new Error('the demo routes fake transactions to a queue');
    await lead.trpc.qa.setPolicy.mutate({ queueId: c.queue, percent: 100 });
    await reviewer.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      rule: 'fake-transaction',
      facts: { transactions: 120, items: ['item-qa-1'] },
      reason: FIRST_REASON,
    });
    const task = await server.db
      .selectFrom('qa_tasks')
      .select(['id', 'status'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('open');

    // The demo leaves older tasks open: a second reviewer of the queue answers those first (oldest
    // first, as qa.next hands them out) and holds ours once it comes up.
    const checkerApi = await signIn(server.url, 'reviewer2', DEMO_PASSWORD);
    for (let held = await checkerApi.trpc.qa.next.mutate({}); held?.taskId !== task.id; ) {
      if (!held) throw new Error(`QA task ${task.id} never came up`);
      await checkerApi.trpc.qa.submit.mutate({
        taskId: held.taskId,
        decision: 'dismiss',
        reason: '经核查不构成违规。',
      });
      held = await checkerApi.trpc.qa.next.mutate({});
    }

    // In the browser, n opens the task the second reviewer holds.
    const checker = await signInAs(browser, server.url, 'reviewer2');
    await checker.getByRole('link', { name: '质量抽检' }).click();
    await checker.getByRole('tab', { name: '抽检任务' }).waitFor();
    await checker.getByRole('heading', { name: '质量抽检' }).click();
    await checker.keyboard.press('n');
    await checker.waitForURL(new RegExp(`/qa/tasks/${task.id}$`));

    // Blind: the case as reported, and nothing of the first decision.
    await checker.getByRole('heading', { name: `抽检任务 ${task.id}` }).waitFor();
    await checker.getByTestId('qa-blind-notice').waitFor();
    await checker.getByText('疑似刷单 120 笔').first().waitFor();
    const blindText = (await checker.locator('main').textContent()) ?? '';
    expect(blindText).not.toContain(FIRST_REASON);
    expect(blindText).not.toContain('item-qa-1');
    expect(await seriousViolations(checker)).toEqual([]);

    // The QA verdict: dismiss (d), a reason, submit and confirm.
    await checker.keyboard.press('d');
    await checker.getByRole('textbox', { name: '理由' }).fill(QA_REASON);
    await checker.getByRole('button', { name: '提交抽检意见' }).click();
    await checker.getByRole('dialog', { name: `提交抽检意见：任务 ${task.id}` }).waitFor();
    await checker.getByTestId('qa-verdict-confirm').click();
    await checker.getByTestId('qa-verdict-result').filter({ hasText: '与原决定不一致' }).waitFor();
    await checker.getByTestId('qa-score-kind').filter({ hasText: '不一致' }).waitFor();
    expect(await checker.locator('main').textContent()).not.toContain(FIRST_REASON);

    // The lead compares both verdicts and reverses the first decision.
    const leadPage = await signInAs(browser, server.url, 'lead');
    await leadPage.getByRole('link', { name: '质量抽检' }).click();
    await leadPage.getByRole('tab', { name: '待裁决' }).click();
    await leadPage
      .getByTestId('qa-disagreement-row')
      .filter({ hasText: `案件 ${caseId} ·` })
      .click();
    const detail = leadPage.getByTestId('qa-disagreement');
    await detail.getByTestId('qa-first-verdict').filter({ hasText: FIRST_REASON }).waitFor();
    await detail.getByTestId('qa-second-verdict').filter({ hasText: QA_REASON }).waitFor();
    await detail.getByTestId('qa-score-kind').filter({ hasText: '不一致' }).waitFor();
    expect(await seriousViolations(leadPage)).toEqual([]);
    await detail.getByRole('radio', { name: /撤销原决定/ }).check();
    await detail.getByRole('textbox', { name: '裁决说明' }).fill(LEAD_NOTE);
    await detail.getByRole('button', { name: '裁决' }).click();
    const confirm = leadPage.getByRole('dialog', { name: `确认裁决：任务 ${task.id}` });
    await confirm.getByText('裁决后不能撤销').waitFor();
    await confirm.getByRole('button', { name: '确认裁决' }).click();
    await leadPage.getByTestId('qa-adjudicated').filter({ hasText: '撤销原决定' }).waitFor();
    const after = await server.db
      .selectFrom('qa_tasks')
      .innerJoin('decisions', 'decisions.id', 'qa_tasks.decision_id')
      .select(['qa_tasks.status as task', 'decisions.status as decision'])
      .where('qa_tasks.id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ task: 'reversed', decision: 'overturned' });

    // The original reviewer reads the outcome and the lead's note.
    const reviewerPage = await signInAs(browser, server.url, 'reviewer');
    await reviewerPage.goto(`${server.url}/qa/mine`);
    const row = reviewerPage.getByTestId('qa-mine-row').filter({ hasText: `案件 ${caseId}` });
    await row.getByTestId('qa-status').filter({ hasText: '已撤销' }).waitFor();
    await row.getByTestId('qa-mine-note').filter({ hasText: LEAD_NOTE }).waitFor();

    // The dashboard counts it, with the figures the API gives the lead's team.
    const { qa: figures } = await lead.trpc.metrics.dashboard.query({ periodDays: 30 });
    expect(figures.scored).toBeGreaterThanOrEqual(1);
    const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
    await leadPage.getByRole('link', { name: '数据看板' }).click();
    const qa = leadPage.getByTestId('qa-dashboard');
    await qa.getByRole('heading', { name: '质量抽检' }).waitFor();
    await expect.poll(() => qa.getByTestId('qa-agreement-rate').textContent()).toBe(percent.format(figures.rate));
    expect(await qa.getByTestId('qa-backlog').textContent()).toBe(`${figures.backlog} 件`);
    await qa.getByRole('region', { name: '抽检一致率：按审核员' }).waitFor();
    await qa.getByRole('region', { name: '每日抽检一致率' }).waitFor();
  }, 120_000);
});

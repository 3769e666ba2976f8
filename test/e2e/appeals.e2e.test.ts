import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient, signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs as signInAsIn } from '../support/browser';
import { createIntegrationToken, reportInput } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const SUBJECT_ID = 'M-E2E-APPEAL';

const signInAs = (browser: Browser, url: string, username: string) =>
  signInAsIn(browser, url, username, { context: { viewport: { width: 1440, height: 1000 } } });

/**
 * Through the API, deterministically: a fake-transaction report on a fresh subject, decided by
 * `reviewer` (12 general points, item-1 demoted), then appealed through the merchant portal.
 */
async function appealedDecision(server: TestServer) {
  const bearer = async (name: string, scope: string) => ({
    authorization: `Bearer ${await createIntegrationToken(server.db, name, [scope])}`,
  });
  const intake = createApiClient(server.url, await bearer('e2e-intake', 'intake'));
  const portal = createApiClient(server.url, await bearer('e2e-portal', 'appeals'));
  const { caseId } = await intake.trpc.reports.submit.mutate(
    reportInput({ subject: { id: SUBJECT_ID, kind: 'merchant', name: '申诉测试数码店' } }),
  );
  // Ahead of every demo case, so `queue.next` hands the reviewer this one.
  await server.db
    .updateTable('cases')
    .set({ rank: 10 ** 12 })
    .where('id', '=', caseId)
    .execute();
  const reviewer = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
  expect((await reviewer.trpc.queue.next.mutate({}))?.caseId).toBe(caseId);
  const c = await reviewer.trpc.cases.get.query({ id: caseId });
  const decided = await reviewer.trpc.cases.decide.mutate({
    id: caseId,
    version: c.version,
    decision: 'apply',
    facts: { transactions: 120, items: ['item-1'] },
    reason: '经核查存在虚假交易，依规处理',
  });
  if (decided.requiresApproval) {
    await (await signIn(server.url, 'senior', DEMO_PASSWORD)).trpc.approvals.approve.mutate({
      decisionId: decided.decisionId,
    });
  }
  const { appealId } = await portal.trpc.appeals.submit.mutate({
    caseId,
    statement: '上述订单均为真实交易，附物流单号为证',
    evidence: [{ kind: 'text', title: '物流单号', text: 'SF1234567890' }],
  });
  return { caseId, appealId, decisionId: decided.decisionId };
}

describe.skipIf(!HAS_CHROMIUM)('ruling on an appeal (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("an appeals officer approves an appeal and the subject's standing changes on screen", async () => {
    const { caseId, appealId, decisionId } = await appealedDecision(server);

    const page = await signInAs(browser, server.url, 'appeals');
    await page.getByRole('link', { name: '申诉审核' }).click();
    await page.getByRole('heading', { name: '申诉审核' }).waitFor();
    await page.locator(`[data-testid="appeal-row"][data-id="${appealId}"]`).click();
    await page.waitForURL(new RegExp(`/appeals/${appealId}$`));

    // The member's side of it, and the decision they contest.
    await page.getByTestId('appeal-statement').getByText('SF1234567890').waitFor();
    const original = page.getByTestId('original-decision');
    await original.getByText('经核查存在虚假交易，依规处理', { exact: true }).waitFor();
    await original.getByTestId('notice').filter({ hasText: '违规处理通知' }).waitFor();
    // Staff terms, not the member's ("待您处理", "小二审核中", "违规记录" belong in the notice only).
    await page.getByTestId('appeal-stage').filter({ hasText: '申诉审核中' }).waitFor();
    await page.getByTestId('original-decision-status').filter({ hasText: '已生效' }).waitFor();

    // The standing the decision caused: 12 general points and the demoted item.
    const standing = page.getByTestId('standing');
    const generalPoints = standing
      .getByRole('row')
      .filter({ hasText: '一般违规' })
      .getByTestId('standing-points-general');
    const demotedItem = standing.getByText(/^item-1 降权至/);
    await expect.poll(() => generalPoints.textContent()).toMatch(/^12 分/);
    await demotedItem.waitFor();
    await saveScreenshot(page, 'appeal');

    // A marker on the page's window survives only if nothing reloads the page.
    await page.evaluate(() => {
      (window as unknown as { appealMarker: boolean }).appealMarker = true;
    });
    const panel = page.getByTestId('appeal-decide');
    await panel.getByRole('button', { name: '批准申诉' }).click();
    await panel.getByLabel('理由').fill('物流凭证核实为真实交易，撤销处罚');
    await panel.getByRole('button', { name: '确认批准' }).click();

    await expect.poll(() => generalPoints.textContent()).toMatch(/^0 分/);
    await expect.poll(() => demotedItem.count()).toBe(0);
    await page.getByTestId('appeal-stage').filter({ hasText: '已终结' }).waitFor();
    await page.getByTestId('appeal-status').filter({ hasText: '申诉成立' }).waitFor();
    await page.getByTestId('original-decision-status').filter({ hasText: '已撤销（申诉成立）' }).waitFor();
    for (const memberPhrase of ['待您处理', '小二审核中']) {
      expect(await page.getByText(memberPhrase).count()).toBe(0);
    }
    expect(await page.getByTestId('appeal-stage').textContent()).not.toContain('违规记录');
    expect(await page.evaluate(() => (window as unknown as { appealMarker?: boolean }).appealMarker)).toBe(true);

    // What the screen showed is what was stored: the violation reversed by this appeal.
    const violation = await server.db
      .selectFrom('violations')
      .select(['reversed_at', 'reversed_by'])
      .where('decision_id', '=', decisionId)
      .executeTakeFirstOrThrow();
    expect(violation.reversed_by).toBe(`appeal:${appealId}`);

    // The case itself reads overturned, not "已生效", and says by whom.
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByTestId('case-status').filter({ hasText: '已撤销（申诉成立）' }).waitFor();
    expect(await page.getByTestId('case-status').textContent()).not.toContain('已生效');
    await page.getByTestId('case-decision-state').filter({ hasText: '申诉专员 孙丽' }).waitFor();
    // A closed case has no lease.
    expect(await page.getByText('领取有效至').count()).toBe(0);
  }, 60_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient, signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs as signInAsIn } from '../support/browser';
import { createIntegrationToken, reportInput } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const SUBJECT_ID = 'M-E2E-MESSAGES';

const signInAs = (browser: Browser, url: string, username: string) =>
  signInAsIn(browser, url, username, { context: { viewport: { width: 1440, height: 1000 } } });

/** Through the API: a decided fake-transaction case on a fresh subject, appealed through the portal. */
async function appealedDecision(server: TestServer, portal: ReturnType<typeof createApiClient>) {
  const intake = createApiClient(server.url, {
    authorization: `Bearer ${await createIntegrationToken(server.db, 'e2e-msg-intake', ['intake'])}`,
  });
  const { caseId } = await intake.trpc.reports.submit.mutate(
    reportInput({ subject: { id: SUBJECT_ID, kind: 'merchant', name: '消息测试数码店' } }),
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
    facts: { transactions: 120 },
    reason: '经核查存在虚假交易，依规处理',
  });
  if (decided.requiresApproval) {
    await (await signIn(server.url, 'senior', DEMO_PASSWORD)).trpc.approvals.approve.mutate({
      decisionId: decided.decisionId,
    });
  }
  const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '订单均为真实交易' });
  return { caseId, appealId };
}

describe.skipIf(!HAS_CHROMIUM)('asking for evidence on an appeal through the case thread (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an officer requests evidence, the member’s reply arrives live with its attachment, and the officer decides', async () => {
    const portal = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'e2e-msg-portal', ['appeals'])}`,
    });
    const { caseId, appealId } = await appealedDecision(server, portal);

    const page = await signInAs(browser, server.url, 'appeals');
    await page.goto(`${server.url}/appeals/${appealId}`);
    const panel = page.getByTestId('appeal-decide');
    await panel.getByRole('button', { name: '要求补充材料' }).click();
    await panel.getByLabel('理由').fill('请补充物流单号与聊天记录截图');
    await panel.getByRole('button', { name: '发送补充要求' }).click();

    // The request went out through the thread, and the appeal's clock stopped.
    const thread = page.getByTestId('messages-panel');
    await thread.getByTestId('message-out').filter({ hasText: '请补充物流单号与聊天记录截图' }).waitFor();
    await thread.getByTestId('evidence-request').waitFor();
    await page.getByTestId('review-clock').filter({ hasText: '已暂停' }).waitFor();

    // Nothing below may reload the page: the reply must arrive on the live channel.
    await page.evaluate(() => {
      (window as unknown as { threadMarker: boolean }).threadMarker = true;
    });
    const reply = await portal.trpc.messages.submit.mutate({
      caseId,
      body: '已补充物流单号，请查收',
      externalId: 'e2e-reply-1',
      attachments: [{ kind: 'text', title: '物流说明', text: '顺丰 SF9876543210，已签收' }],
    });
    expect(reply.appealId).toBe(appealId);
    const incoming = thread.getByTestId('message-in').filter({ hasText: '已补充物流单号，请查收' });
    await incoming.waitFor();
    await incoming.getByRole('button', { name: '附件（1）' }).click();
    await incoming.getByText('顺丰 SF9876543210，已签收').waitFor();
    await page.getByTestId('review-clock').filter({ hasText: '计时中' }).waitFor();
    expect(await thread.getByTestId('evidence-request').count()).toBe(0);
    await saveScreenshot(page, 'case-messages');

    // Back under review: the officer rules on it.
    await panel.getByRole('button', { name: '批准申诉' }).click();
    await panel.getByLabel('理由').fill('物流凭证核实为真实交易，撤销处罚');
    await panel.getByRole('button', { name: '确认批准' }).click();
    await page.getByTestId('appeal-status').filter({ hasText: '申诉成立' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { threadMarker?: boolean }).threadMarker)).toBe(true);
  }, 90_000);
});

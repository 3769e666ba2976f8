import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient, signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs as signInAsIn } from '../support/browser';
import { createIntegrationToken, reportInput } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const contexts: BrowserContext[] = [];

async function signInAs(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await signInAsIn(browser, url, username);
  contexts.push(page.context());
  return page;
}

const caseIdOf = (page: Page) => Number(/\/cases\/(\d+)$/.exec(page.url())?.[1]);

describe.skipIf(!HAS_CHROMIUM)('deciding cases (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
  });
  // Each signed-in page holds a live-updates stream open: close them between tests.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const caseRow = (id: number) =>
    server.db
      .selectFrom('cases')
      .select(['status', 'assignee_id', 'rule'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('a reviewer opens the next case, fills the facts, sees the preview and waives with a template by keyboard', async () => {
    const page = await signInAs(browser, server.url, 'reviewer');
    // Work the fake-transaction queue; n claims its most urgent case and opens it.
    await page.getByRole('combobox', { name: '队列' }).click();
    await page.getByRole('option', { name: '虚假交易专项' }).click();
    await page.locator('.MuiDataGrid-row').first().waitFor();
    // Away from the filter (a field keeps single-key shortcuts for typing), then n.
    await page.getByRole('heading', { name: '案件队列' }).click();
    await page.keyboard.press('n');
    await page.waitForURL(/\/cases\/\d+$/);
    const first = caseIdOf(page);
    expect((await caseRow(first)).rule).toBe('fake-transaction');
    await page.getByRole('heading', { name: '处理决定' }).waitFor();

    // The facts form is generated from the rule; the engine previews as they are typed.
    await page.getByLabel('虚假交易笔数').fill('120');
    await page.getByLabel('涉及商品 ID').fill('item-9');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('preview-points').textContent()).toBe('12 分 · 一般违规');
    await expect.poll(() => page.getByTestId('decision-preview').textContent()).toContain('item-9：降权 30 天');
    await saveScreenshot(page, 'decision');

    // From here on only the keyboard: leave the field, w, pick the first waiver template, confirm.
    await page.keyboard.press('Escape');
    await page.keyboard.press('w');
    await page.getByRole('dialog', { name: `免于处罚：案件 ${first}` }).waitFor();
    await page.keyboard.press('ArrowDown'); // opens the template menu on "(no template)"
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('textbox', { name: '理由' }).inputValue())
      .toBe('初次违规且已主动整改，本次免于处罚。');
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-result').filter({ hasText: '已免于处罚' }).waitFor();
    expect((await caseRow(first)).status).toBe('final');
    const decision = await server.db
      .selectFrom('decisions')
      .select(['kind', 'reason_template', 'status'])
      .where('case_id', '=', first)
      .executeTakeFirstOrThrow();
    expect(decision).toEqual({ kind: 'waive', reason_template: 'first-offence-corrected', status: 'effective' });

    // "Next case" has the focus, so Enter would move on; first a look at the history.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('下一个案件');
    await page.getByRole('tab', { name: /时间线/ }).click();
    await page.getByTestId('timeline-event').filter({ hasText: '作出决定' }).waitFor();

    // Enter on "Next case": the server claims the next case and it opens, without the queue
    // page (and its 50-row list) loading on the way.
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/trpc/')) calls.push(new URL(r.url()).pathname.split('/trpc/')[1] ?? '');
    });
    await page.getByRole('button', { name: '下一个案件' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => /\/cases\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${first}`));
    expect(calls.join(',')).toContain('queue.next');
    expect(calls.join(',')).not.toContain('cases.list');
    const next = caseIdOf(page);
    expect(next).not.toBe(first);
    await page.getByTestId('case-status').filter({ hasText: '处理中' }).waitFor();
    const users = await server.db.selectFrom('users').select(['id', 'username']).execute();
    const reviewerId = users.find((u) => u.username === 'reviewer')?.id;
    expect(await caseRow(next)).toMatchObject({ status: 'assigned', assignee_id: reviewerId });
  }, 90_000);

  it('a sealing decision waits for four-eyes; a senior approves it and the standing shows the account sealed', async () => {
    const token = await createIntegrationToken(server.db, 'e2e-intake', ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({
        rule: 'improper-registration',
        source: 'system_detection',
        subject: { id: 'B-E2E-SEAL', kind: 'buyer', name: '买家 测**' },
        summary: '检测到通过软件批量注册的账号 36 个',
      }),
    );

    const reviewer = await signInAs(browser, server.url, 'reviewer');
    // Approvals are for senior reviewers only.
    expect(await reviewer.getByRole('link', { name: '复核审批' }).count()).toBe(0);
    await reviewer.goto(`${server.url}/cases/${caseId}`);
    await reviewer.getByRole('heading', { name: '处理决定' }).waitFor();
    await reviewer.getByLabel('批量注册的账户数').fill('36');
    await expect.poll(() => reviewer.getByTestId('preview-points').textContent()).toBe('48 分 · 严重违规');
    await reviewer.getByTestId('preview-seals').waitFor();
    await expect
      .poll(() => reviewer.getByTestId('four-eyes-notice').textContent())
      .toBe('须经复核（四眼原则）：严重违规扣分和将查封账户');

    await reviewer.keyboard.press('Escape');
    await reviewer.keyboard.press('a');
    await reviewer.getByRole('dialog', { name: `处罚：案件 ${caseId}` }).waitFor();
    await reviewer.keyboard.press('ArrowDown');
    await reviewer.keyboard.press('ArrowDown');
    await reviewer.keyboard.press('Enter');
    await expect
      .poll(() => reviewer.getByRole('textbox', { name: '理由' }).inputValue())
      .toBe('证据确凿，违规事实清楚，依规处理。');
    // A quick Enter can arrive while the chosen template's select still has the focus: it
    // must confirm, not reopen the menu (the first test covers the focus moving on).
    await reviewer.locator('#decision-apply-template').focus();
    await reviewer.keyboard.press('Enter');
    await reviewer.getByTestId('decision-result').filter({ hasText: '已提交复核' }).waitFor();
    expect((await caseRow(caseId)).status).toBe('pending_approval');

    const senior = await signInAs(browser, server.url, 'senior');
    await senior.getByRole('link', { name: '复核审批' }).click();
    await senior.getByRole('heading', { name: '复核审批' }).waitFor();
    const card = senior.getByRole('article', { name: `案件 ${caseId}` });
    await card.getByText('复核原因：严重违规扣分和将查封账户').waitFor();
    await saveScreenshot(senior, 'approvals');
    await card.getByRole('button', { name: '批准' }).click();
    await senior.getByLabel('备注（可选）').fill('同意，批量注册证据充分');
    await senior.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await senior.getByRole('dialog').waitFor({ state: 'detached' });
    await senior.getByText('没有待复核的决定').waitFor();
    expect((await caseRow(caseId)).status).toBe('appeal_window');

    await senior.goto(`${server.url}/cases/${caseId}`);
    await senior.getByTestId('standing-sealed').filter({ hasText: '账户已查封' }).waitFor();
    await expect.poll(() => senior.getByTestId('standing-points-serious').textContent()).toBe('48 分');
    // The decision carries its approver; the notice is there in both languages.
    await senior.getByTestId('history-decision').filter({ hasText: '资深审核员 赵强' }).waitFor();
    await senior.getByRole('tab', { name: /通知/ }).click();
    await senior.getByTestId('notice').filter({ hasText: '不当注册' }).waitFor();
    await senior.getByRole('button', { name: 'English' }).click();
    await senior.getByTestId('notice').filter({ hasText: 'Improper registration' }).waitFor();
  }, 90_000);

  it('shows a waiver waiting for approval as forgiving, never as sealing', async () => {
    const token = await createIntegrationToken(server.db, 'e2e-intake-waive', ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({
        rule: 'improper-registration',
        subject: { id: 'B-E2E-WAIVE', kind: 'buyer', name: '买家 免**' },
        summary: '批量注册账号 20 个，首次发现',
      }),
    );
    const reviewer = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    const c = await reviewer.trpc.cases.get.query({ id: caseId });
    const waived = await reviewer.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'waive',
      facts: { accounts: 20 },
      reason: '初次违规且已主动注销账号，免于处罚',
    });
    expect(waived).toMatchObject({ requiresApproval: true, approvalReasons: ['waive-serious'] });

    const senior = await signInAs(browser, server.url, 'senior');
    await senior.goto(`${server.url}/approvals`);
    const card = senior.getByRole('article', { name: `案件 ${caseId}` });
    await card.getByTestId('preview-waived').filter({ hasText: '免于查封账户' }).waitFor();
    await card.getByTestId('preview-waived').filter({ hasText: '免扣严重违规 48 分' }).waitFor();
    await card.getByTestId('preview-waive-nothing').waitFor();
    expect(await card.getByTestId('preview-seals').count()).toBe(0);
    expect(await card.textContent()).not.toContain('此决定将永久查封该账户');
    expect(await card.getByRole('button', { name: '批准' }).isEnabled()).toBe(true);
  }, 60_000);

  it('keeps the input when the case changes underneath, jumps with Ctrl-K, decides in bulk, and refuses approving one’s own', async () => {
    const token = await createIntegrationToken(server.db, 'e2e-intake-2', ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    const subject = { id: 'M-E2E-RACE', kind: 'merchant' as const, name: '测试并发店铺' };
    const { caseId } = await intake.trpc.reports.submit.mutate(reportInput({ rule: 'fake-transaction', subject }));

    const page = await signInAs(browser, server.url, 'reviewer');
    // Ctrl-K from anywhere: the case number, Enter.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: '命令面板' }).fill(String(caseId));
    await page.getByRole('option', { name: new RegExp(`^案件 ${caseId} · 虚假交易`) }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByLabel('虚假交易笔数').fill('7');
    await page.getByTestId('preview-points').waitFor();

    // Another report on the same subject merges into the case: the reviewer is told, input intact.
    await intake.trpc.reports.submit.mutate(reportInput({ rule: 'fake-transaction', subject, summary: '又一笔刷单' }));
    await page.getByTestId('case-changed').filter({ hasText: '该案件在您打开后已被更改' }).waitFor();
    expect(await page.getByLabel('虚假交易笔数').inputValue()).toBe('7');

    // Deciding on the old version anyway is refused (CONFLICT), still without losing anything.
    await page.keyboard.press('Escape');
    await page.keyboard.press('d');
    await page.getByRole('textbox', { name: '理由' }).fill('经核查不构成违规。');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-changed').filter({ hasText: '未保存。' }).waitFor();
    expect(await page.getByLabel('虚假交易笔数').inputValue()).toBe('7');
    expect((await caseRow(caseId)).status).toBe('triaged');
    await page.getByRole('button', { name: /^已查看，按版本 \d+ 继续$/ }).click();
    await page.keyboard.press('d');
    expect(await page.getByRole('textbox', { name: '理由' }).inputValue()).toBe('经核查不构成违规。');
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-result').filter({ hasText: '已驳回' }).waitFor();
    expect((await caseRow(caseId)).status).toBe('dismissed');

    // Bulk: tick two unassigned cases of one of the reviewer's queues and dismiss them together
    // under one batch id (a queue they do not work is refused, as queue.next refuses it).
    await page.goto(`${server.url}/queue`);
    await page.getByRole('combobox', { name: '队列' }).click();
    await page.getByRole('option', { name: '虚假交易专项' }).click();
    await page.getByRole('combobox', { name: '处理人' }).click();
    await page.getByRole('option', { name: '未分配' }).click();
    const rows = page.locator('.MuiDataGrid-row');
    await rows.nth(1).waitFor();
    // The grid keeps the previous page on screen until the filtered one arrives.
    await expect
      .poll(async () => (await rows.locator('[data-field="assigneeName"]').allTextContents()).every((t) => t === ''))
      .toBe(true);
    const picked = [
      Number(await rows.nth(0).getAttribute('data-id')),
      Number(await rows.nth(1).getAttribute('data-id')),
    ];
    // By id: live updates may reorder the rows meanwhile.
    for (const id of picked) await page.locator(`.MuiDataGrid-row[data-id="${id}"]`).getByRole('checkbox').click();
    // Ticking a row selects it; it does not open the case. (The filters live in the query string.)
    expect(new URL(page.url()).pathname).toBe('/queue');
    await page.getByRole('button', { name: '批量处理所选（2）' }).click();
    await page.getByRole('combobox', { name: '理由模板' }).click();
    await page.getByRole('option', { name: '重复举报，已在其他案件中处理。' }).click();
    await page.getByRole('button', { name: '处理 2 个案件' }).click();
    const batchId = await page.getByTestId('bulk-batch-id').textContent();
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    const batch = await server.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('batch_id', '=', batchId ?? '')
      .where('action', '=', 'case.decided')
      .execute();
    expect(batch.map((e) => Number(e.target_id)).sort()).toEqual([...picked].sort());

    // A senior cannot approve their own sealing decision: the refusal is in their language.
    const own = await intake.trpc.reports.submit.mutate(
      reportInput({ rule: 'improper-registration', subject: { id: 'B-E2E-OWN', kind: 'buyer' }, summary: '批量注册' }),
    );
    const senior = await signInAs(browser, server.url, 'senior');
    await senior.goto(`${server.url}/cases/${own.caseId}`);
    await senior.getByTestId('preview-points').waitFor();
    await senior.keyboard.press('a');
    await senior.getByRole('textbox', { name: '理由' }).fill('批量注册，证据确凿');
    await senior.keyboard.press('Enter');
    await senior.getByTestId('decision-result').filter({ hasText: '已提交复核' }).waitFor();
    await senior.goto(`${server.url}/approvals`);
    const card = senior.getByRole('article', { name: `案件 ${own.caseId}` });
    await card.getByText('我的决定，须由他人复核').waitFor();
    // Four eyes on screen: the author's approve and send-back buttons are disabled, and say why.
    expect(await card.getByRole('button', { name: '批准' }).isDisabled()).toBe(true);
    expect(await card.getByRole('button', { name: '退回' }).isDisabled()).toBe(true);
    await card.getByTestId('approval-refused').filter({ hasText: '不能复核自己作出的决定（四眼原则）' }).waitFor();
    expect((await caseRow(own.caseId)).status).toBe('pending_approval');
  }, 90_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient, signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot, signInAs as signInAsIn } from '../support/browser';
import { type DsaStub, startDsaStub } from '../support/dsaDatabaseStub';
import { createIntegrationToken } from '../support/factories';
import { applyFinding } from '../support/outboxFlow';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

const signInAs = (browser: Browser, url: string, username: string) =>
  signInAsIn(browser, url, username, { context: { viewport: { width: 1500, height: 900 } } });

describe.skipIf(!HAS_CHROMIUM)('the outbox page (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let dsa: DsaStub;

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ behaviour: () => 'fail' });
    // The DSA Transparency Database is down at first: the demo month's statements fail (one attempt).
    dsa = await startDsaStub();
    dsa.failNext(1_000_000, 503);
    [server, browser] = await Promise.all([
      // One attempt, then dead: the page's "retry now" is what gets it through.
      startTestServer('sqlite', {
        demo: true,
        env: {
          DESK_OUTBOX_POLL_MS: '50',
          DESK_OUTBOX_MAX_ATTEMPTS: '1',
          DESK_DSA_ENDPOINT: dsa.url,
          DESK_DSA_TOKEN: dsa.token,
        },
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
    await dsa?.close();
  });

  it('registers an endpoint (secret shown once), lists a failed delivery and retries it', async () => {
    const admin = await signInAs(browser, server.url, 'admin');
    await admin.getByRole('link', { name: '消息外发' }).click();
    await admin.getByRole('heading', { name: '处置消息外发' }).waitFor();
    await admin.getByRole('button', { name: '添加接收地址' }).click();
    const dialog = admin.getByRole('dialog', { name: '添加接收地址' });
    await dialog.getByLabel('地址（http:// 或 https://）').fill(receiver.url);
    await dialog.getByLabel('说明').fill('店铺处置系统');
    await dialog.getByRole('button', { name: '添加' }).click();
    const secret = await admin.getByTestId('endpoint-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.options.secret = secret;
    await admin.getByRole('button', { name: '我已保存' }).click();
    await admin.getByTestId('outbox-endpoints').getByText(receiver.url).waitFor();

    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    await applyFinding({ intake, reviewer: await signIn(server.url, 'reviewer', DEMO_PASSWORD) }, 'M-UI-1');
    await admin.getByTestId('outbox-filter-dead').click();
    const failed = admin.getByTestId('outbox-deliveries').getByRole('row').filter({ hasText: 'M-UI-1' });
    await failed.first().waitFor();
    // The error in words, not a socket code; the attempts are listed per delivery.
    await failed.first().getByText('接收方返回 HTTP 500').waitFor();
    // Measures by their rulebook names, in Chinese, never their ids (`account-sealed`).
    const measures = failed.getByTestId('delivery-measure');
    await expect.poll(() => measures.count()).toBeGreaterThan(0);
    for (const name of await measures.allTextContents()) {
      expect(name).toMatch(/\p{Script=Han}/u);
      expect(name).not.toMatch(/[a-z]+-[a-z]+/);
    }
    await saveScreenshot(admin, 'outbox');
    await failed
      .first()
      .getByRole('button', { name: /^查看消息 \d+ 的投递尝试$/ })
      .click();
    const attempts = admin.getByRole('dialog', { name: /的投递尝试$/ });
    await attempts.getByTestId('outbox-attempts').getByText('失败，已停止重试').waitFor();
    await attempts.getByRole('button', { name: '关闭' }).click();
    await attempts.waitFor({ state: 'hidden' });

    receiver.options.behaviour = () => 'ok';
    await failed.first().getByRole('button', { name: '立即重试' }).click();
    await admin.getByText('已重新排队，将按顺序尽快投递').waitFor();
    await receiver.waitFor(() => receiver.messages.length === 5, 10_000, 'the five messages');
    await admin.getByTestId('outbox-filter-delivered').click();
    await admin.getByTestId('outbox-deliveries').getByRole('row').filter({ hasText: 'M-UI-1' }).first().waitFor();
  }, 60_000);

  it('lists DSA statements the database refused, with its answer, and submits one again', async () => {
    const admin = await signInAs(browser, server.url, 'admin');
    await admin.goto(`${server.url}/outbox`);
    const section = admin.getByTestId('dsa-section');
    await section.getByRole('heading', { name: 'DSA 透明度数据库报送' }).waitFor();
    await section.getByTestId('dsa-filter-failed').click();
    const rows = section.getByTestId('dsa-submissions').getByRole('row');
    const failed = rows.filter({ hasText: '数据库答复：HTTP 503' }).first();
    await failed.waitFor();
    // Categories in words, never the database's codes.
    await expect.poll(() => section.getByText('STATEMENT_CATEGORY_', { exact: false }).count()).toBe(0);
    const puid = (await failed.locator('td').nth(1).textContent()) ?? '';
    expect(puid).toMatch(/^vd[0-9a-f]{12}-decision-\d+$/);

    dsa.failNext(0, 503);
    await failed.getByRole('button', { name: '重新报送' }).click();
    await admin.getByText('已重新排队，将尽快报送').waitFor();
    await expect.poll(() => dsa.held.has(puid), { timeout: 10_000 }).toBe(true);
    await section.getByTestId('dsa-filter-submitted').click();
    await rows.filter({ hasText: puid }).getByText('已收录（HTTP 201）').waitFor();
  }, 60_000);
});

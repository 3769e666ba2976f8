import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCase } from '../../server/services/assignment.service';
import { getCase } from '../../server/services/caseDetail.service';
import { decideCase } from '../../server/services/decisions.service';
import { submitReport } from '../../server/services/intake.service';
import type { ServiceContext } from '../../server/services/serviceContext';
import { HAS_CHROMIUM, launchBrowser, signInAs } from '../support/browser';
import { createQueue, createStaff, reportInput, systemContext, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

describe.skipIf(!HAS_CHROMIUM)('a calibration session (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let staff: Map<string, number>;
  const cases: number[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite'), launchBrowser()]);
    staff = await createStaff(server.db, [
      { username: 'lead1', role: 'lead' },
      { username: 'rev1', role: 'reviewer' },
      { username: 'rev2', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [staff.get('lead1') ?? 0] });
    const lead: ServiceContext = {
      ...systemContext(server.db),
      audit: { actor: { type: 'user', id: String(staff.get('lead1')) } },
    };
    // Two decided cases (dismissed) for the session.
    for (const [id, name] of [
      ['M-CAL-1', '星河数码专营店'],
      ['M-CAL-2', '晨光百货'],
    ] as const) {
      const { caseId } = await submitReport(
        systemContext(server.db),
        reportInput({ subject: { id, kind: 'merchant', name }, summary: `${name}疑似刷单` }),
      );
      await server.db
        .updateTable('cases')
        .set({ queue: 'general', status: 'triaged' })
        .where('id', '=', caseId)
        .execute();
      await assignCase(lead, { caseId, userId: staff.get('lead1') ?? 0 });
      const c = await getCase({ db: server.db, clock: lead.clock }, caseId);
      await decideCase(lead, { id: caseId, version: c.version, decision: 'dismiss', reason: '证据不足' });
      cases.push(caseId);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A reviewer answers both cases blind: dismiss the first; the second with `second`. */
  async function answerAll(page: Page, sessionUrl: string, reason: string, second: 'dismiss' | 'apply') {
    await page.goto(sessionUrl);
    await page.getByText('请独立作答').waitFor();
    for (const n of [1, 2]) {
      const item = page.getByTestId(`calibration-item-${n}`);
      await item.getByRole('combobox', { name: '你的处理结果' }).click();
      await page.getByRole('option', { name: n === 2 && second === 'apply' ? '处罚' : '不违规', exact: true }).click();
      if (n === 2 && second === 'apply') {
        await item.getByTestId('answer-2-facts').fill('{"transactions": 120, "items": ["item-1"]}');
      }
      await item.getByTestId(`answer-${n}-reason`).fill(`${reason}${n}`);
      await item.getByTestId(`answer-${n}-submit`).click();
      await item.getByText('已作答').waitFor();
    }
  }

  it('a lead creates a session, two reviewers answer blind, the lead closes it and the matrix shows', async () => {
    const lead = await signInAs(browser, server.url, 'lead1', { password: TEST_PASSWORD });
    await lead.goto(`${server.url}/qa/calibration`);
    await lead.getByRole('button', { name: '新建校准会' }).click();
    const dialog = lead.getByRole('dialog', { name: '新建校准会' });
    await dialog.getByLabel('名称').fill('十二月校准');
    await dialog.getByTestId('calibration-cases').fill(cases.join('，'));
    await dialog.getByLabel('rev1').check();
    await dialog.getByLabel('rev2').check();
    await dialog.getByRole('button', { name: '新建校准会' }).click();
    await lead.waitForURL(/\/qa\/calibration\/\d+$/);
    const sessionUrl = lead.url();
    await lead.getByRole('heading', { name: '校准会：十二月校准' }).waitFor();

    const rev1 = await signInAs(browser, server.url, 'rev1', { password: TEST_PASSWORD });
    await answerAll(rev1, sessionUrl, '甲', 'dismiss');
    const rev2 = await signInAs(browser, server.url, 'rev2', { password: TEST_PASSWORD });
    await answerAll(rev2, sessionUrl, '乙', 'apply');
    // Blind: rev2's page shows nothing of rev1's answers, nor the real decision.
    expect(await rev2.getByText('甲1').count()).toBe(0);
    expect(await rev2.getByText(/^实际处理：/).count()).toBe(0);

    await lead.reload();
    await lead.getByRole('button', { name: '结束校准会' }).click();
    await lead.getByRole('dialog', { name: '结束校准会' }).getByRole('button', { name: '结束校准会' }).click();
    const matrix = lead.getByTestId('calibration-matrix');
    await matrix.waitFor();
    // They agreed on the first case only: 50% (1 of 2 both answered).
    await matrix.getByRole('row', { name: /^rev1/ }).getByText('50%（一致 1/2）').waitFor();
    await lead.getByText('rev1：不违规（甲1）').waitFor();
    await lead.getByText('实际处理：不违规').first().waitFor();
    await lead.getByRole('button', { name: '导出 CSV' }).waitFor();
  });
});

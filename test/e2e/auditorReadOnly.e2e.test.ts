import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchBrowser, signInAs } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

/** The decision buttons carry their shortcut key after the label (处罚 A, 免罚 W, 驳回 D). */
const DECISION_BUTTONS = /^(处罚|免罚|驳回)/;
/** Assign/reassign (leads), release/skip (the holder). */
const CASE_MOVE_BUTTONS = /^(分配给…|改派给…|退回队列|跳过此案件)$/;

describe.skipIf(!HAS_CHROMIUM)('the auditor reads but changes nothing (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId: number;
  let phone: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    // An open case whose subject has a phone number on file.
    const row = await server.db
      .selectFrom('cases')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .select(['cases.id', 'subjects.phone'])
      .where('cases.status', 'in', ['new', 'triaged'])
      .where('subjects.phone', 'is not', null)
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    caseId = row.id;
    phone = row.phone ?? '';
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a lead sees the decision and assignment controls on the same case (so their absence below means something)', async () => {
    const lead = await signInAs(browser, server.url, 'lead');
    await lead.goto(`${server.url}/cases/${caseId}`);
    await lead.getByRole('button', { name: DECISION_BUTTONS }).first().waitFor();
    expect(await lead.getByRole('button', { name: DECISION_BUTTONS }).count()).toBe(3);
    expect(await lead.getByRole('button', { name: CASE_MOVE_BUTTONS }).count()).toBeGreaterThan(0);
    await lead.context().close();
  }, 60_000);

  it('the auditor sees no decision, assignment or release controls, reveals a phone with a reason, and is FORBIDDEN by the API', async () => {
    const auditor = await signInAs(browser, server.url, 'auditor');
    // The queue page: read-only, so no "next case" (claim) button.
    await auditor.locator('.MuiDataGrid-row').first().waitFor();
    expect(await auditor.getByRole('button', { name: '下一个案件' }).count()).toBe(0);

    await auditor.goto(`${server.url}/cases/${caseId}`);
    await auditor.getByTestId('case-status').waitFor();
    // Cards below the header load on their own; wait for the last ones before asserting absences.
    await auditor.getByTestId('pii-phone').waitFor();
    await auditor.getByRole('heading', { name: '案件历史' }).waitFor();
    expect(await auditor.getByRole('button', { name: DECISION_BUTTONS }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: CASE_MOVE_BUTTONS }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: '下一个案件' }).count()).toBe(0);

    // Masked until revealed with a reason; the value is the one on file, and the reveal is audited.
    const phoneField = auditor.getByTestId('pii-phone');
    expect(await phoneField.textContent()).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(await phoneField.textContent()).not.toContain(phone);
    await auditor.getByRole('button', { name: '查看完整手机号' }).click();
    const dialog = auditor.getByRole('dialog');
    const reveal = dialog.getByRole('button', { name: '查看' });
    await dialog.getByLabel('查看理由').fill('抽');
    expect(await reveal.isDisabled()).toBe(true);
    await dialog.getByLabel('查看理由').fill('审计抽查联系方式的使用');
    await reveal.click();
    await phoneField.filter({ hasText: phone }).waitFor();
    expect(await phoneField.textContent()).toContain('本次查看已记入审计日志');
    const auditorId = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'auditor')
      .executeTakeFirstOrThrow();
    const events = await server.db
      .selectFrom('audit_events')
      .select(['actor_id', 'target_id', 'data'])
      .where('action', '=', 'pii.revealed')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.actor_id).toBe(String(auditorId.id));
    expect(JSON.parse(events[0]?.data ?? '{}')).toMatchObject({
      field: 'phone',
      reason: '审计抽查联系方式的使用',
      caseId,
    });

    // Going round the UI does not help: the server refuses the auditor a decision.
    const decisionCount = async () =>
      Number(
        (
          await server.db
            .selectFrom('decisions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const decisionsBefore = await decisionCount();
    const answer = await auditor.evaluate(() =>
      fetch('/trpc/cases.decide', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-verdict-csrf': '1' },
        body: JSON.stringify({ id: 1, version: 1, decision: 'dismiss', reason: 'x' }),
      }).then((r) => r.json()),
    );
    expect(answer).toMatchObject({ error: { data: { code: 'FORBIDDEN' } } });
    expect(await decisionCount()).toBe(decisionsBefore);
  }, 60_000);
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser, saveScreenshot } from '../support/browser';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 15 on the demo desk, in English at 1440×900: queue cells and dashboard axes show their
 * whole text; the age buckets go from calm to alarming; count axes have whole-number ticks.
 */
describe.skipIf(!HAS_CHROMIUM)('full text, ordered colours and whole counts (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('sqlite', { demo: true }), launchBrowser()]);
    // A decision or two, so the decision and throughput charts have bars (with small counts).
    const reviewer = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    for (let i = 0; i < 2; i++) {
      const next = await reviewer.trpc.queue.next.mutate({});
      if (!next) throw new Error('the demo queue is empty');
      const c = await reviewer.trpc.cases.get.query({ id: next.caseId });
      await reviewer.trpc.cases.decide.mutate({
        id: c.id,
        version: c.version,
        decision: 'dismiss',
        reason: '经核查不构成违规。',
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedInEnglish(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await page.getByLabel('Username').waitFor({ timeout: 30_000 });
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Case queue' }).waitFor();
    return page;
  }

  it('shows whole rule names in the queue, wrapping rather than cutting them off', async () => {
    const page = await signedInEnglish('lead');
    // Rows, not the loading skeleton: the skeleton has empty cells under the same field names.
    const ruleCells = page.locator('.MuiDataGrid-row .MuiDataGrid-cell[data-field="rule"]');
    await ruleCells.filter({ hasText: 'Improper registration' }).first().waitFor();
    const cells = await ruleCells.evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent ?? '', cut: el.scrollWidth > el.clientWidth + 1 })),
    );
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.filter((c) => c.cut)).toEqual([]);
    expect(cells.map((c) => c.text)).toEqual(expect.arrayContaining(['Improper registration']));
    expect(cells.every((c) => !c.text.endsWith('…'))).toBe(true);
    await page.context().close();
  });

  it('charts whole axis labels, whole-number counts, and the oldest cases in the most alarming colour', async () => {
    const page = await signedInEnglish('lead');
    await page.goto(`${server.url}/dashboard`);
    const openCases = page.getByRole('region', { name: 'Open cases by queue and age' });
    await openCases.locator('.MuiChartsAxis-tickLabel').first().waitFor();
    await page
      .getByRole('region', { name: /^Decisions by rule/ })
      .locator('.MuiBarElement-root, rect')
      .first()
      .waitFor();
    // Give every chart a moment to lay out its axes.
    await page.waitForTimeout(1000);
    const labels = await page.locator('.MuiChartsAxis-tickLabel').allTextContents();
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.filter((l) => l.includes('…'))).toEqual([]);
    // Count axes: no 0.5 ticks anywhere on the open-cases, SLA, intake or decisions charts.
    for (const name of [/^Open cases by queue/, /^SLA/, /^Daily intake/, /^Decisions by rule/]) {
      const ticks = await page.getByRole('region', { name }).locator('.MuiChartsAxis-tickLabel').allTextContents();
      const numbers = ticks.filter((t) => /^[\d.,]+$/.test(t));
      expect(numbers.length, String(name)).toBeGreaterThan(0);
      expect(
        numbers.filter((t) => !/^\d+$/.test(t.replace(/,/g, ''))),
        String(name),
      ).toEqual([]);
    }
    // The age legend, youngest to oldest, gets redder and darker.
    const colours = await openCases.evaluate((root) => {
      const out: Record<string, string> = {};
      for (const item of Array.from(root.querySelectorAll('.MuiChartsLegend-series'))) {
        const mark = item.querySelector('.MuiChartsLabelMark-fill');
        out[item.textContent ?? ''] = mark ? getComputedStyle(mark).fill : '';
      }
      return out;
    });
    const rgb = (c: string | undefined) => (c?.match(/\d+/g) ?? []).map(Number);
    const [young, day3, week, old] = ['Under 1 day', '1–3 days', '3–7 days', 'Over 7 days'].map((k) => rgb(colours[k]));
    // Red rises over green as cases age, and the oldest is the darkest.
    const warmth = (c: number[] = []) => (c[0] ?? 0) - (c[1] ?? 0);
    expect(warmth(young)).toBeLessThan(warmth(day3));
    expect(warmth(day3)).toBeLessThan(warmth(week));
    expect(warmth(week)).toBeLessThan(warmth(old));
    const lightness = (c: number[] = []) => c.reduce((a, b) => a + b, 0);
    expect(lightness(old)).toBeLessThan(lightness(week));
    await saveScreenshot(page, 'dashboard-after');
    await page.context().close();
  });
});

/**
 * The first screen in a real browser, cold: a fresh Chromium context (empty cache) with a
 * signed-in session opens the queue and waits for its first rows, then a case page for its
 * first evidence. Reports the median and worst of RUNS runs, the bytes transferred (as sent on
 * the wire), and the requests made. Beside it, the raw floor measured in the same run: the same
 * browser loading a page of the same server that runs no script (time to load a static file).
 * Run: npx tsx test/bench/firstScreen.bench.ts (needs the built client: npm run build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../server/config';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { startServer } from '../../server/server';
import { signIn } from '../support/apiClient';
import { HAS_CHROMIUM, launchBrowser } from '../support/browser';

const RUNS = Number(process.env.FIRST_SCREEN_RUNS ?? 5);

if (!HAS_CHROMIUM) {
  console.log('first screen: skipped, no Chromium');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'verdict-first-screen-'));
const server = await startServer(
  loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'desk.sqlite')}`, DESK_DEMO: '1', LOG_LEVEL: 'silent' }),
  { logger: pino({ level: 'silent' }) },
);
const browser = await launchBrowser();

interface Visit {
  ms: number;
  bytes: number;
  requests: number;
}

/** Opens `path` in a cold context signed in as `username`, and times it until `ready` resolves. */
async function coldVisit(cookie: string, path: string, ready: (page: Page) => Promise<unknown>): Promise<Visit> {
  const context = await (browser as Browser).newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: 'verdict_session', value: cookie, url: server.url }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  const started = performance.now();
  await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
  await ready(page);
  const ms = performance.now() - started;
  await context.close();
  return { ms, bytes, requests };
}

function summary(label: string, visits: Visit[], floor?: number) {
  const times = visits.map((v) => v.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const worst = times.at(-1) ?? 0;
  const kb = Math.round((visits[0]?.bytes ?? 0) / 1024);
  const ratio = floor ? `  ${(median / floor).toFixed(1)}× the raw floor` : '';
  console.log(
    `${label.padEnd(34)} median ${median.toFixed(0).padStart(5)} ms, worst ${worst.toFixed(0).padStart(5)} ms, ${String(kb).padStart(4)} KB, ${visits[0]?.requests ?? 0} requests${ratio}`,
  );
  return median;
}

try {
  const reviewer = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
  const cookie = reviewer.cookies.get('verdict_session') ?? '';
  // A case with evidence to show: the most urgent open one that has some.
  const open = (await reviewer.trpc.cases.list.query({ status: 'open', limit: 50, sort: 'rank' })).items;
  let caseId: number | undefined;
  for (const item of open) {
    if ((await reviewer.trpc.cases.get.query({ id: item.id })).evidence.length) {
      caseId = item.id;
      break;
    }
  }
  if (!caseId) throw new Error('no open demo case has evidence');
  // The floor: the browser loads a file of the same server and runs nothing.
  const floor: Visit[] = [];
  const queue: Visit[] = [];
  const casePage: Visit[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(await coldVisit(cookie, '/healthz', (page) => page.waitForLoadState('load')));
    queue.push(await coldVisit(cookie, '/queue', (page) => page.locator('.MuiDataGrid-row').first().waitFor()));
    casePage.push(
      await coldVisit(cookie, `/cases/${caseId}`, (page) =>
        page.locator('section[aria-labelledby="evidence-heading"] [role="tabpanel"]').first().waitFor(),
      ),
    );
  }
  const base = summary('/healthz, no script (raw floor)', floor);
  summary('queue: first rows, cold cache', queue, base);
  summary('case page: first evidence, cold cache', casePage, base);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

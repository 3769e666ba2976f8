/**
 * The people of a shift, in their own process (as they are on their own machines), for the
 * mixed-load benchmark: reviewers claim → read the case → decide; leads refresh the dashboard;
 * an auditor pages the trail; an integration posts reports at a steady rate. With
 * MIXED_MODE=alone it instead measures each read by itself, one call at a time, with nothing
 * else running. Prints one JSON object: latencies (ms) per procedure and counts.
 * Usage: tsx test/bench/mixedClients.ts <url[,url…]> <password> <seconds> <token> <reviewers> <leads> <auditors>
 * Several URLs (desk instances on one database) share the people out in turn, as a load balancer would.
 */
import { performance } from 'node:perf_hooks';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/appRouter';
import { signIn } from '../support/apiClient';
import { lightFetch } from './lightFetch';

const [
  urlList = '',
  password = '',
  secondsArg = '20',
  token = '',
  reviewersArg = '16',
  leadsArg = '2',
  auditorsArg = '1',
] = process.argv.slice(2);
const seconds = Number(secondsArg);
const REPORTS_PER_SECOND = Number(process.env.MIXED_REPORTS_PER_SECOND ?? 20);
/**
 * The pauses people take between reads: a lead glances at the dashboard every few seconds, an
 * auditor reads a page of the trail before the next. Reviewers claim and decide with no pause
 * (the write load at its worst). 0 makes leads and auditors closed loops too, as the first runs.
 */
const LEAD_PAUSE_MS = Number(process.env.MIXED_LEAD_PAUSE_MS ?? 5000);
const AUDITOR_PAUSE_MS = Number(process.env.MIXED_AUDITOR_PAUSE_MS ?? 2000);
/**
 * How often a reviewer opens their queue page: every Nth case. The desk's "next case" claims
 * and opens the case without the queue page, so a reviewer reads the queue when they choose
 * to look at it, not for every case; 1 makes every cycle read it (the first runs).
 */
const QUEUE_EVERY = Math.max(1, Number(process.env.MIXED_QUEUE_EVERY ?? 5));
const pause = (ms: number) => (ms > 0 && running() ? new Promise((r) => setTimeout(r, ms)) : undefined);
/**
 * People do not all click in the same millisecond: person `i` of `n` starts `(i + ½) / n` of
 * the way into their first interval (a second for reviewers; their pause for leads and the
 * auditor), so a lead's dashboard every 5 s is not timed to the shift's first burst of claims.
 */
const startOffset = (i: number, n: number, intervalMs: number) => pause(((i + 0.5) / n) * intervalMs);
const urls = urlList.split(',');
/** The instance person `i` of a kind talks to; the integration uses the first. */
const urlOf = (i: number) => urls[i % urls.length] ?? '';
const url = urlOf(0);
const names = (prefix: string, n: number) => Array.from({ length: Number(n) }, (_, i) => `${prefix}${i}`);

const latencies: Record<string, number[]> = {};
const counts = { claims: 0, decisions: 0, reports: 0, errors: 0 };
const firstErrors: string[] = [];

async function timed<T>(name: string, call: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await call();
  } finally {
    latencies[name] = [...(latencies[name] ?? []), performance.now() - start];
  }
}

function noteError(error: unknown) {
  counts.errors += 1;
  if (firstErrors.length < 5) firstErrors.push(String((error as Error)?.message ?? error));
}

/** Signs in for real, then talks through the light client with the session's cookies. */
async function person(baseUrl: string, username: string) {
  const { cookies } = await signIn(baseUrl, username, password);
  const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    trpc: createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${baseUrl}/trpc`, fetch: lightFetch, headers: { cookie, 'x-verdict-csrf': '1' } })],
    }),
  };
}
const reviewers = await Promise.all(names('r', Number(reviewersArg)).map((u, i) => person(urlOf(i), u)));
const leads = await Promise.all(names('lead', Number(leadsArg)).map((u, i) => person(urlOf(i), u)));
const auditors = await Promise.all(names('aud', Number(auditorsArg)).map((u, i) => person(urlOf(i), u)));
const integration = createTRPCClient<AppRouter>({
  links: [httpLink({ url: `${url}/trpc`, fetch: lightFetch, headers: { authorization: `Bearer ${token}` } })],
});

type Client = (typeof reviewers)[number];
const readQueue = (c: Client) => timed('cases.list', () => c.trpc.cases.list.query({ queue: 'mine' }));
const readDashboard = (c: Client) =>
  timed('metrics.dashboard', () => c.trpc.metrics.dashboard.query({ periodDays: 30 }));

async function pageAudit(c: Client, cursor?: string): Promise<string | undefined> {
  const page = await timed('audit.list', () => c.trpc.audit.list.query({ limit: 50, cursor }));
  return (page as { nextCursor?: string | null }).nextCursor ?? undefined;
}

if (process.env.MIXED_MODE === 'alone') {
  // Each read by itself, one call at a time: the unloaded figure the loaded one is compared with.
  const [reviewer] = reviewers as [Client];
  const [lead] = leads as [Client];
  const [auditor] = auditors as [Client];
  const ids = (await reviewer.trpc.cases.list.query({ queue: 'mine', limit: 50 })).items.map((c) => c.id);
  // One untimed round first: the first call after a start pays for cold caches (the queue
  // pace's count of every open case), which is no one's steady state.
  await reviewer.trpc.cases.get.query({ id: ids[0] ?? 1 });
  await lead.trpc.metrics.dashboard.query({ periodDays: 30 });
  await auditor.trpc.audit.list.query({ limit: 50 });
  let cursor: string | undefined;
  for (let i = 0; i < 60; i++) {
    await readQueue(reviewer);
    await timed('cases.get', () => reviewer.trpc.cases.get.query({ id: ids[i % ids.length] ?? 1 }));
    if (i % 3 === 0) await readDashboard(lead);
    cursor = await pageAudit(auditor, cursor);
  }
  console.log(JSON.stringify({ latencies, counts, firstErrors }));
  process.exit(0);
}

const until = performance.now() + seconds * 1000;
const running = () => performance.now() < until;

async function reviewerLoop(c: Client, i: number) {
  await startOffset(i, reviewers.length, 1000);
  // Reviewers look at their queue at different moments, not all on the same cycle.
  for (let cycle = i; running(); cycle++) {
    try {
      if (cycle % QUEUE_EVERY === 0) await readQueue(c);
      const next = await timed('queue.next', () => c.trpc.queue.next.mutate({}));
      if (!next) continue;
      counts.claims += 1;
      const detail = await timed('cases.get', () => c.trpc.cases.get.query({ id: next.caseId }));
      await timed('cases.decide', () =>
        c.trpc.cases.decide.mutate({
          id: next.caseId,
          version: detail.version,
          decision: 'dismiss',
          reason: '证据不足，不予处罚（压力测试）',
        }),
      );
      counts.decisions += 1;
    } catch (error) {
      noteError(error);
    }
  }
}

async function leadLoop(c: Client, i: number) {
  await startOffset(i, leads.length, LEAD_PAUSE_MS);
  while (running()) {
    try {
      await readDashboard(c);
    } catch (error) {
      noteError(error);
    }
    await pause(LEAD_PAUSE_MS);
  }
}

async function auditorLoop(c: Client, i: number) {
  await startOffset(i, auditors.length, AUDITOR_PAUSE_MS);
  let cursor: string | undefined;
  while (running()) {
    try {
      cursor = await pageAudit(c, cursor);
    } catch (error) {
      noteError(error);
      cursor = undefined;
    }
    await pause(AUDITOR_PAUSE_MS);
  }
}

async function integrationLoop() {
  let n = 0;
  const start = performance.now();
  while (running()) {
    const due = start + (n * 1000) / REPORTS_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    n += 1;
    try {
      await timed('reports.submit', () =>
        integration.reports.submit.mutate({
          externalId: `mixed-${process.pid}-${n}`,
          source: 'user_report',
          subject: { id: `MX-${n}`, kind: 'merchant', name: '压力测试商家' },
          rule: 'fake-transaction',
          summary: '系统检测到疑似刷单交易（压力测试）',
        }),
      );
      counts.reports += 1;
    } catch (error) {
      noteError(error);
    }
  }
}

const started = performance.now();
const cpuAtStart = process.cpuUsage();
await Promise.all([
  ...reviewers.map(reviewerLoop),
  ...leads.map(leadLoop),
  ...auditors.map(auditorLoop),
  integrationLoop(),
]);
const cpu = process.cpuUsage(cpuAtStart);
console.log(
  JSON.stringify({
    latencies,
    counts,
    firstErrors,
    ms: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
  }),
);

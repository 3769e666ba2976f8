/**
 * What one request costs the desk's HTTP thread: the CPU time the desk's main thread spends per
 * call, one call at a time, for each request of a reviewer's cycle, next to a bare node:http
 * server answering the same bytes as `auth.me` (measured the same way, in the same run). Under
 * a shift that thread is shared by every request, and each statement of a write transaction on
 * SQLite waits for it, so its CPU per request bounds how many decisions one process serves.
 * Linux only (reads /proc). Timings are printed, never asserted.
 * Run: npx tsx test/bench/requestCost.bench.ts   (REQUEST_COST_CALLS=1000 per kind by default)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { signIn } from '../support/apiClient';
import { freePort, startDeskProcess } from '../support/deskProcess';
import { createQueue, createStaff, insertTriagedCases, TEST_PASSWORD } from '../support/factories';
import { mainThreadCpuMs, nodeProcessOf } from './threadCpu';

const CALLS = Number(process.env.REQUEST_COST_CALLS ?? 1000);
const WRITES = Math.max(50, Math.floor(CALLS / 3));

if (!existsSync('/proc/self/task')) {
  console.log('requestCost: needs /proc (Linux); skipped');
  process.exit(0);
}

/** `calls` timed calls after 20 untimed ones; `call(i)` gets 0 … 19, then 20 … calls + 19. */
async function measure(pid: number, calls: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await call(i);
  const cpu = mainThreadCpuMs(pid);
  const start = performance.now();
  for (let i = 20; i < calls + 20; i++) await call(i);
  return { cpuMs: (mainThreadCpuMs(pid) - cpu) / calls, wallMs: (performance.now() - start) / calls };
}

/** A bare node:http server answering every request with `body`: the floor any HTTP answer pays. */
async function bareServer(body: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const code = `require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => {
    res.setHeader('content-type', 'application/json'); res.end(${JSON.stringify(body)}); }); })
    .listen(${port}, '127.0.0.1', () => console.log('up'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, child };
}

const dir = mkdtempSync(join(tmpdir(), 'verdict-request-cost-'));
const url = `sqlite:${join(dir, 'desk.sqlite')}`;
const handle = openDatabase(url);
await migrateToLatest(handle.db);
const staff = await createStaff(handle.db, [{ username: 'r0', role: 'reviewer' }]);
await createQueue(handle.db, 'general', { members: [...staff.values()], routeRules: [] });
await insertTriagedCases(handle.db, 'general', 10_000);
await handle.close();

const desk = await startDeskProcess({
  PORT: String(await freePort()),
  DATABASE_URL: url,
  DESK_DEMO: '0',
  DESK_AUDIT_ANCHOR_FILE: 'off',
  DESK_EXPENSIVE_PER_MINUTE: '100000',
});
const deskPid = nodeProcessOf(desk.child.pid as number);
const reviewer = await signIn(desk.url, 'r0', TEST_PASSWORD);

const rows: [string, { cpuMs: number; wallMs: number }][] = [];
const cookie = [...reviewer.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
const meBody = await fetch(`${desk.url}/trpc/auth.me`, { headers: { cookie, 'x-verdict-csrf': '1' } }).then((r) =>
  r.text(),
);
const bare = await bareServer(meBody);
rows.push([
  'bare node:http (same body)',
  await measure(bare.child.pid as number, CALLS, () => fetch(`${bare.url}/`).then((r) => r.text())),
]);
bare.child.kill();

rows.push([
  'GET /healthz (no tRPC, no DB)',
  await measure(deskPid, CALLS, () => fetch(`${desk.url}/healthz`).then((r) => r.text())),
]);
const ids = (await reviewer.trpc.cases.list.query({ queue: 'general', limit: 50 })).items.map((c) => c.id);
rows.push(['auth.me', await measure(deskPid, CALLS, () => reviewer.trpc.auth.me.query())]);
rows.push([
  'cases.get',
  await measure(deskPid, CALLS, (i) => reviewer.trpc.cases.get.query({ id: ids[i % ids.length] ?? 1 })),
]);
rows.push([
  'cases.list (50 rows)',
  await measure(deskPid, Math.ceil(CALLS / 3), () => reviewer.trpc.cases.list.query({ queue: 'general', limit: 50 })),
]);
const claimed: number[] = [];
rows.push([
  'queue.next (claim)',
  await measure(deskPid, WRITES, async () => {
    const next = await reviewer.trpc.queue.next.mutate({});
    if (next) claimed.push(next.caseId);
  }),
]);
// The claimed cases' versions, read before the decisions are timed.
const held: { id: number; version: number }[] = [];
for (const id of claimed) held.push({ id, version: (await reviewer.trpc.cases.get.query({ id })).version });
rows.push([
  'cases.decide (dismiss)',
  // measure() spends its first 20 on a warm-up.
  await measure(deskPid, held.length - 20, async (i) => {
    const c = held[i] as (typeof held)[number];
    await reviewer.trpc.cases.decide.mutate({ ...c, decision: 'dismiss', reason: '证据不足（基准测试）' });
  }),
]);
await desk.stop();
rmSync(dir, { recursive: true, force: true });

const floor = rows[0]?.[1].cpuMs ?? Number.NaN;
console.log(`${'request'.padEnd(28)}${'HTTP thread CPU'.padStart(16)}${'× bare'.padStart(9)}${'wall'.padStart(10)}`);
for (const [name, r] of rows) {
  console.log(
    `${name.padEnd(28)}${`${r.cpuMs.toFixed(2)} ms`.padStart(16)}${`${(r.cpuMs / floor).toFixed(1)}×`.padStart(9)}${`${r.wallMs.toFixed(2)} ms`.padStart(10)}`,
  );
}

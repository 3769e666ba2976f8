/**
 * A real shift on one desk (issue 21): 1,000,000 cases; 16 reviewers in a claim → read case →
 * decide loop (a look at their queue every fifth case); 2 leads glancing at the dashboard; 1
 * auditor paging the audit trail; an integration posting reports at a steady rate. Prints
 * p50/p95/p99 of the reads under that load next to the same reads measured alone, and
 * decisions/s next to a raw-SQLite loop making the same writes on a copy of the same data; once
 * per setup (MIXED_READERS, default `0,2,2+writer`: one connection, read-only connections, and
 * those with the writer thread). Goals: reads' p95 under load within 3× of alone; decisions/s at
 * least 0.25× raw. After each shift it says where the CPU went, per decision: the desk's threads,
 * the simulated people's process, and how busy the machine was. Timings are printed, never asserted.
 * Run: npx tsx test/bench/mixedLoad.bench.ts   (CASES=200000 MIXED_SECONDS=20 for a quicker pass)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { type DeskProcess, freePort, startDeskProcess } from '../support/deskProcess';
import { createIntegrationToken, createQueue, createStaff, TEST_PASSWORD } from '../support/factories';
import { rawDecisionsOnDeskSchema } from './rawDeskDecisions';
import { machineCpuMs, mainThreadCpuMs, nodeProcessOf, threadCpuDelta, threadsCpuMs } from './threadCpu';

const CASES = Number(process.env.CASES ?? 1_000_000);
const SECONDS = Number(process.env.MIXED_SECONDS ?? 30);
const REVIEWERS = 16;
const LEADS = 2;
const AUDITORS = 1;
const RAW_CASES = 3000;
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const READS = ['cases.list', 'cases.get', 'metrics.dashboard', 'audit.list'] as const;

const dir = mkdtempSync(join(tmpdir(), 'verdict-mixed-'));
/**
 * BENCH_DATABASE_URL=postgres://… runs the shift on a fresh PostgreSQL database instead, once on
 * one desk instance and once on two (MIXED_INSTANCES, default `1,2`), people shared between them.
 */
const PG_ADMIN_URL = /^postgres(ql)?:/.test(process.env.BENCH_DATABASE_URL ?? '')
  ? process.env.BENCH_DATABASE_URL
  : undefined;
const pgName = `verdict_bench_${Date.now().toString(36)}`;
/**
 * MIXED_DB_FILE=/path/mixed.sqlite keeps the seeded SQLite file between runs: seeded when the
 * file is new, reused (with a new token) when it is not. A shift decides a few thousand of its
 * 400,000 waiting cases, so later runs see nearly the same queue.
 */
const KEPT_FILE = PG_ADMIN_URL ? undefined : process.env.MIXED_DB_FILE;
const url = PG_ADMIN_URL
  ? await createPgDatabase(PG_ADMIN_URL, pgName)
  : `sqlite:${KEPT_FILE ?? join(dir, 'mixed.sqlite')}`;

async function createPgDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

async function dropPgDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

const pct = (xs: number[] = [], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? Number.NaN;
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(1)} ms`).padStart(10);

/** Staff, queues (reviewers in all three), a token, and the cases: every case its own subject
 * while open (the database keeps one open case per subject and rule); five subjects share a
 * tenth of the closed ones. ~60% closed, ~40% waiting in a queue. */
async function seed() {
  const handle = openDatabase(url);
  const db = handle.db;
  if (KEPT_FILE && existsSync(KEPT_FILE) && (await seededAlready(db))) {
    const token = await createIntegrationToken(db, `bench-${Date.now()}`, ['intake']);
    console.log(`data     reusing ${KEPT_FILE}`);
    await handle.close();
    return token;
  }
  await migrateToLatest(db);
  const staff = await createStaff(db, [
    ...Array.from({ length: REVIEWERS }, (_, i) => ({ username: `r${i}`, role: 'reviewer' as const })),
    ...Array.from({ length: LEADS }, (_, i) => ({ username: `lead${i}`, role: 'lead' as const })),
    ...Array.from({ length: AUDITORS }, (_, i) => ({ username: `aud${i}`, role: 'auditor' as const })),
  ]);
  const reviewers = [...staff].filter(([name]) => name.startsWith('r')).map(([, id]) => id);
  await createQueue(db, 'general', { members: reviewers, routeRules: [], position: 9 });
  await createQueue(db, 'counterfeit', { members: reviewers, routeRules: ['counterfeit'], position: 1 });
  await createQueue(db, 'fake-transaction', { members: reviewers, routeRules: ['fake-transaction'], position: 0 });
  const token = await createIntegrationToken(db, 'bench', ['intake']);
  const at = new Date().toISOString();
  const t0 = performance.now();
  // The numbers 0 … CASES-1, written the way each database generates them fastest.
  const n = PG_ADMIN_URL
    ? sql`n AS (SELECT i, i::text AS t, lpad((1 + i % 28)::text, 2, '0') AS day FROM generate_series(0, ${CASES - 1}) AS g(i))`
    : sql`n(i, t, day) AS (SELECT 0, '0', '01' UNION ALL SELECT i + 1, CAST(i + 1 AS TEXT), printf('%02d', 1 + (i + 1) % 28) FROM n WHERE i < ${CASES - 1})`;
  const recursive = PG_ADMIN_URL ? sql`` : sql`RECURSIVE `;
  await sql`WITH ${recursive}${n}
    INSERT INTO subjects (id, kind, name, created_at) SELECT 'S' || t, 'merchant', '商家 ' || t, ${at} FROM n`.execute(
    db,
  );
  await sql`WITH ${recursive}${n}
    INSERT INTO cases (subject_id, rule, status, source, summary, priority, rank, queue, sla_due_at, closed_at, created_at, updated_at, version, report_count)
    SELECT CASE WHEN i % 10 < 6 AND i % 20 = 0 THEN 'S' || CAST(i % 5 AS TEXT) ELSE 'S' || t END,
      CASE i % 4 WHEN 0 THEN 'counterfeit' WHEN 1 THEN 'fake-transaction' WHEN 2 THEN 'member-rights-abuse' ELSE 'improper-info-use' END,
      CASE WHEN i % 10 < 6 THEN 'final' ELSE 'triaged' END,
      CASE i % 3 WHEN 0 THEN 'user_report' WHEN 1 THEN 'spot_check' ELSE 'system_detection' END,
      '测试案件 ' || t, i % 97, (i % 97) * 1000 - i,
      CASE i % 4 WHEN 0 THEN 'counterfeit' WHEN 1 THEN 'fake-transaction' ELSE 'general' END,
      '2026-12-' || day || 'T00:00:00.000Z',
      CASE WHEN i % 10 < 6 THEN ${at} ELSE NULL END, ${at}, ${at}, 1, 1
    FROM n`.execute(db);
  await sql`ANALYZE`.execute(db);
  console.log(`data     ${CASES.toLocaleString()} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await handle.close();
  return token;
}

async function seededAlready(db: ReturnType<typeof openDatabase>['db']): Promise<boolean> {
  try {
    const row = await sql<{ n: number }>`SELECT count(*) AS n FROM users WHERE username = 'r0'`.execute(db);
    return Number(row.rows[0]?.n) === 1;
  } catch {
    return false;
  }
}

interface ClientReport {
  latencies: Record<string, number[]>;
  counts: { claims: number; decisions: number; reports: number; errors: number };
  firstErrors: string[];
  ms?: number;
  /** CPU the simulated people's own process used. */
  cpuMs?: number;
}

function runClients(serverUrl: string, token: string, mode: 'alone' | 'shift'): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      TSX,
      [
        join(import.meta.dirname, 'mixedClients.ts'),
        serverUrl,
        TEST_PASSWORD,
        String(SECONDS),
        token,
        String(REVIEWERS),
        String(LEADS),
        String(AUDITORS),
      ],
      { env: { ...process.env, MIXED_MODE: mode }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}'))
        : reject(new Error(`clients exited ${code}`)),
    );
  });
}

const token = await seed();
/**
 * The raw loop runs twice: on a small database of its own (as in earlier runs), and on a copy of
 * the seeded one (SQLite), whose million-row tables and indexes its writes then maintain, as the
 * desk's do. The ratio is taken against the copy, the same writes on the same data.
 */
const rawSmall = await rawDecisionsOnDeskSchema(join(dir, 'raw.sqlite'), RAW_CASES, REVIEWERS);
const seededFile = PG_ADMIN_URL ? undefined : url.slice('sqlite:'.length);
const raw = seededFile
  ? await rawDecisionsOnDeskSchema(join(dir, 'raw-seeded.sqlite'), RAW_CASES, REVIEWERS, seededFile)
  : rawSmall;
rmSync(join(dir, 'raw-seeded.sqlite'), { force: true });
console.log(
  `raw      claim+decide loop: ${rawSmall}/s on ${RAW_CASES.toLocaleString()} cases${seededFile ? `, ${raw}/s on a copy of the ${CASES.toLocaleString()}-case database` : ''}`,
);
/**
 * Desk instances on the one database, each its own process (`tsx server/index.ts`, as an
 * operator runs it) with the bench's relaxed budgets: instances on one machine do not share an
 * event loop, so a second one brings its own HTTP thread.
 */
async function startDesks(count: number, readers: number, writerThread: boolean): Promise<DeskProcess[]> {
  const env = {
    DATABASE_URL: url,
    DESK_DEMO: '0',
    DESK_SQLITE_READERS: String(readers),
    DESK_SQLITE_WRITER_THREAD: writerThread ? '1' : '0',
    DESK_LOGIN_ATTEMPTS_PER_5MIN: '1000',
    DESK_EXPENSIVE_PER_MINUTE: '100000',
    DESK_AUDIT_ANCHOR_FILE: 'off',
  };
  const desks: DeskProcess[] = [];
  // One after the other: two migrators racing at start-up is not what this measures.
  for (let i = 0; i < count; i++) desks.push(await startDeskProcess({ ...env, PORT: String(await freePort()) }));
  return desks;
}
// SQLite: the same shift on the same data, every statement on the one writer; then reads
// outside transactions on a pool of read-only connections (DESK_SQLITE_READERS); then also
// claims, decisions and intake on a writer thread (DESK_SQLITE_WRITER_THREAD). MIXED_READERS
// lists the setups: a number of readers, `+writer` for the thread.
// PostgreSQL: the same shift on one desk instance, then on two sharing the people.
const runs = PG_ADMIN_URL
  ? (process.env.MIXED_INSTANCES ?? '1,2')
      .split(',')
      .map((n) => ({ instances: Number(n), readers: 0, writerThread: false }))
  : (process.env.MIXED_READERS ?? '0,2,2+writer').split(',').map((setup) => ({
      instances: 1,
      readers: Number.parseInt(setup, 10),
      writerThread: setup.endsWith('+writer'),
    }));
for (const run of runs) {
  const desks = await startDesks(run.instances, run.readers, run.writerThread);
  const urls = desks.map((d) => d.url).join(',');
  const alone = await runClients(urls, token, 'alone');
  const deskPids = desks.map((d) => nodeProcessOf(d.child.pid as number));
  const httpThreadsMs = () => deskPids.reduce((sum, pid) => sum + mainThreadCpuMs(pid), 0);
  const cpuBefore = httpThreadsMs();
  const firstDesk = deskPids[0] as number;
  const threadsBefore = threadsCpuMs(firstDesk);
  const machineBefore = machineCpuMs();
  const shift = await runClients(urls, token, 'shift');
  const httpThreadMs = (httpThreadsMs() - cpuBefore) / desks.length;
  const threads = threadCpuDelta(threadsBefore, threadsCpuMs(firstDesk));
  const machineAfter = machineCpuMs();
  await Promise.all(desks.map((d) => d.stop()));
  report(run, alone, shift, raw, httpThreadMs);
  reportCpu(shift, threads, {
    busy: machineAfter.busy - machineBefore.busy,
    idle: machineAfter.idle - machineBefore.idle,
  });
}

function report(
  run: { instances: number; readers: number; writerThread: boolean },
  alone: ClientReport,
  shift: ClientReport,
  raw: number,
  httpThreadMs: number,
) {
  const shiftSeconds = (shift.ms ?? SECONDS * 1000) / 1000;
  const setup = PG_ADMIN_URL
    ? `PostgreSQL, ${run.instances === 1 ? 'one desk instance' : `${run.instances} desk instances`}`
    : `${run.readers ? `${run.readers} read-only connections` : 'one connection'}${run.writerThread ? ' and the writer thread' : ''}`;
  console.log(
    `\n${setup}: shift of ${shiftSeconds.toFixed(0)} s, ${REVIEWERS} reviewers, ${LEADS} leads (a dashboard every ${process.env.MIXED_LEAD_PAUSE_MS ?? 5000} ms), ${AUDITORS} auditor (a page every ${process.env.MIXED_AUDITOR_PAUSE_MS ?? 2000} ms), reports at ${process.env.MIXED_REPORTS_PER_SECOND ?? 20}/s`,
  );
  console.log(
    `${'read'.padEnd(20)}${'alone p50'.padStart(10)}${'alone p95'.padStart(10)}${'shift p50'.padStart(10)}${'shift p95'.padStart(10)}${'shift p99'.padStart(10)}   p95 ×alone (goal ≤ 3)`,
  );
  for (const name of READS) {
    const a = alone.latencies[name];
    const s = shift.latencies[name];
    const ratio = pct(s, 95) / pct(a, 95);
    console.log(
      `${name.padEnd(20)}${ms(pct(a, 50))}${ms(pct(a, 95))}${ms(pct(s, 50))}${ms(pct(s, 95))}${ms(pct(s, 99))}   ${ratio.toFixed(1)}×  (${s?.length ?? 0} calls)`,
    );
  }
  for (const name of ['queue.next', 'cases.decide', 'reports.submit']) {
    const s = shift.latencies[name];
    console.log(
      `${name.padEnd(20)}${''.padStart(20)}${ms(pct(s, 50))}${ms(pct(s, 95))}${ms(pct(s, 99))}   (${s?.length ?? 0} calls)`,
    );
  }
  const decisionsPerSecond = shift.counts.decisions / shiftSeconds;
  console.log(
    `claims ${(shift.counts.claims / shiftSeconds).toFixed(0)}/s, decisions ${decisionsPerSecond.toFixed(0)}/s under load; raw SQLite claim+decide loop ${raw}/s${PG_ADMIN_URL ? '' : ' (same data)'} → ${(decisionsPerSecond / raw).toFixed(2)}× raw (goal ≥ 0.25×)`,
  );
  // Per instance: each has its own HTTP thread, and the cycles are shared between them.
  console.log(
    `HTTP thread${run.instances > 1 ? ' of each instance' : ''} ${((100 * httpThreadMs) / (shift.ms ?? SECONDS * 1000)).toFixed(0)}% busy during the shift: ${((httpThreadMs * run.instances) / Math.max(1, shift.counts.decisions)).toFixed(1)} ms of HTTP-thread CPU per claim → read → decide cycle (the reads, the queue looks and the reports included)`,
  );
  console.log(
    `reports ${shift.counts.reports} accepted, ${shift.counts.errors} errors${shift.firstErrors.length ? `: ${shift.firstErrors.join(' | ')}` : ''}`,
  );
}
/**
 * Where the machine's CPU went during the shift, per decision: the (first) desk's threads, the
 * simulated people, and the machine's idle time. Says whether the cores were the limit.
 */
function reportCpu(shift: ClientReport, threads: number[], machine: { busy: number; idle: number }) {
  const perDecision = (x: number) => `${(x / Math.max(1, shift.counts.decisions)).toFixed(1)} ms`;
  const desk = threads.reduce((a, b) => a + b, 0);
  const busiest = threads
    .slice(0, 6)
    .map((x) => perDecision(x))
    .join(', ');
  console.log(
    `CPU per decision: desk process ${perDecision(desk)} (busiest threads ${busiest}), people ${perDecision(shift.cpuMs ?? Number.NaN)}; machine ${((100 * machine.busy) / (machine.busy + machine.idle)).toFixed(0)}% busy`,
  );
}
if (PG_ADMIN_URL) await dropPgDatabase(PG_ADMIN_URL, pgName);
rmSync(dir, { recursive: true, force: true });

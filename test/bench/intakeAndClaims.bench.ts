/**
 * Intake reports/s through the service path, and claims/s with 16 concurrent reviewers over
 * HTTP (with the duplicate count), each next to raw SQLite statements doing the same writes
 * in the same run (issue 4 goal: ≥ 0.25× raw for both). Run: npx tsx test/bench/intakeAndClaims.bench.ts
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import sqlite3 from 'sqlite3';
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { ChangeBus } from '../../server/events/changeBus';
import { startServer } from '../../server/server';
import { claimNext } from '../../server/services/assignment.service';
import { submitReport } from '../../server/services/intake.service';
import {
  createQueue,
  createStaff,
  insertTriagedCases,
  reportInput,
  systemContext,
  TEST_PASSWORD,
} from '../support/factories';

const REPORTS = 3000;
const CASES = 3000;
const REVIEWERS = 16;
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

const dir = mkdtempSync(join(tmpdir(), 'verdict-bench-'));
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

function raw(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<unknown[]> {
  return new Promise((res, rej) => db.all(sql, params, (err, rows) => (err ? rej(err) : res(rows))));
}

/** The same writes intake makes (subject, open-case look-up, case, report, audit row), as bare SQL. */
async function rawIntake(): Promise<number> {
  const db = new sqlite3.Database(join(dir, 'raw-intake.sqlite'));
  await raw(db, 'PRAGMA journal_mode=WAL');
  await raw(db, 'PRAGMA synchronous=NORMAL');
  await raw(db, 'CREATE TABLE subjects (id TEXT PRIMARY KEY, kind TEXT, name TEXT)');
  await raw(
    db,
    'CREATE TABLE cases (id INTEGER PRIMARY KEY, subject_id TEXT, rule TEXT, status TEXT, summary TEXT, rank INTEGER)',
  );
  await raw(db, 'CREATE INDEX c_sub ON cases(subject_id, rule, status)');
  await raw(
    db,
    'CREATE TABLE reports (id INTEGER PRIMARY KEY, external_id TEXT UNIQUE, case_id INTEGER, summary TEXT)',
  );
  await raw(db, 'CREATE TABLE audit (seq INTEGER PRIMARY KEY, action TEXT, data TEXT, prev TEXT, hash TEXT)');
  let prev = '0';
  const start = performance.now();
  for (let i = 0; i < REPORTS; i++) {
    const subject = `M-${i % 500}`;
    await raw(db, 'BEGIN IMMEDIATE');
    await raw(db, 'SELECT id FROM reports WHERE external_id = ?', [`x-${i}`]);
    await raw(db, 'INSERT OR IGNORE INTO subjects VALUES (?, ?, ?)', [subject, 'merchant', '店']);
    const open = (await raw(db, "SELECT id FROM cases WHERE subject_id = ? AND rule = ? AND status = 'triaged'", [
      subject,
      'r',
    ])) as { id: number }[];
    let caseId = open[0]?.id;
    if (!caseId) {
      await raw(db, "INSERT INTO cases (subject_id, rule, status, summary, rank) VALUES (?, 'r', 'triaged', 's', ?)", [
        subject,
        i,
      ]);
      caseId = ((await raw(db, 'SELECT last_insert_rowid() AS id')) as { id: number }[])[0]?.id;
    }
    await raw(db, 'INSERT INTO reports (external_id, case_id, summary) VALUES (?, ?, ?)', [`x-${i}`, caseId, 's']);
    const data = JSON.stringify({ caseId, i });
    const hash = createHash('sha256').update(prev).update(data).digest('hex');
    await raw(db, 'INSERT INTO audit (action, data, prev, hash) VALUES (?, ?, ?, ?)', [
      'case.created',
      data,
      prev,
      hash,
    ]);
    prev = hash;
    await raw(db, 'COMMIT');
  }
  const ms = performance.now() - start;
  db.close();
  return rate(REPORTS, ms);
}

async function deskIntake(): Promise<number> {
  const handle = openDatabase(`sqlite:${join(dir, 'desk-intake.sqlite')}`);
  await migrateToLatest(handle.db);
  await createQueue(handle.db, 'general', { routeRules: [] });
  const ctx = { ...systemContext(handle.db), bus: new ChangeBus(), clock: systemClock };
  const inputs = Array.from({ length: REPORTS }, (_, i) =>
    reportInput({ externalId: `d-${i}`, subject: { id: `M-${i % 500}`, kind: 'merchant' } }),
  );
  const start = performance.now();
  for (const input of inputs) await submitReport(ctx, input);
  const ms = performance.now() - start;
  await handle.close();
  return rate(REPORTS, ms);
}

/** A claim as bare SQL: pick the top triaged case, assign it, append the audit row. 16 callers share the connection. */
async function rawClaims(): Promise<number> {
  const db = new sqlite3.Database(join(dir, 'raw-claims.sqlite'));
  await raw(db, 'PRAGMA journal_mode=WAL');
  await raw(
    db,
    'CREATE TABLE cases (id INTEGER PRIMARY KEY, queue TEXT, status TEXT, rank INTEGER, assignee INTEGER, lease TEXT)',
  );
  await raw(db, 'CREATE INDEX c_q ON cases(queue, status, rank, id)');
  await raw(db, 'CREATE TABLE audit (seq INTEGER PRIMARY KEY, action TEXT, data TEXT, prev TEXT, hash TEXT)');
  await raw(db, 'BEGIN');
  for (let i = 0; i < CASES; i++)
    await raw(db, "INSERT INTO cases (queue, status, rank) VALUES ('q', 'triaged', ?)", [i % 97]);
  await raw(db, 'COMMIT');
  let prev = '0';
  let chain = Promise.resolve();
  const claimed: number[] = [];
  const claimOnce = (reviewer: number) => {
    const next = chain.then(async () => {
      await raw(db, 'BEGIN IMMEDIATE');
      const [row] = (await raw(
        db,
        "SELECT id FROM cases WHERE queue = 'q' AND status = 'triaged' ORDER BY rank DESC, id DESC LIMIT 1",
      )) as { id: number }[];
      if (row) {
        await raw(db, "UPDATE cases SET status = 'assigned', assignee = ?, lease = ? WHERE id = ?", [
          reviewer,
          new Date().toISOString(),
          row.id,
        ]);
        const data = JSON.stringify({ id: row.id, reviewer });
        const hash = createHash('sha256').update(prev).update(data).digest('hex');
        await raw(db, 'INSERT INTO audit (action, data, prev, hash) VALUES (?, ?, ?, ?)', [
          'case.claimed',
          data,
          prev,
          hash,
        ]);
        prev = hash;
        claimed.push(row.id);
      }
      await raw(db, 'COMMIT');
    });
    chain = next;
    return next;
  };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: REVIEWERS }, async (_, r) => {
      for (let i = 0; i < CASES / REVIEWERS; i++) await claimOnce(r);
    }),
  );
  const ms = performance.now() - start;
  db.close();
  return rate(claimed.length, ms);
}

/**
 * The reviewers' HTTP calls against a real server. With `probe: 'me'` they call `auth.me`
 * instead: the cost of a signed-in request that does nothing, the floor under any claim.
 */
async function deskClaims(probe?: 'me'): Promise<{ perSecond: number; duplicates: number; claimed: number }> {
  const url = `sqlite:${join(dir, `desk-claims-${probe ?? 'next'}.sqlite`)}`;
  const server = await startServer(loadConfig({ PORT: '0', DATABASE_URL: url, DESK_DEMO: '0' }), {
    logger: pino({ level: 'silent' }),
  });
  const handle = openDatabase(url);
  const staff = await createStaff(
    handle.db,
    Array.from({ length: REVIEWERS }, (_, i) => ({ username: `b${i}`, role: 'reviewer' as const })),
  );
  await createQueue(handle.db, 'q', { members: [...staff.values()] });
  await insertTriagedCases(handle.db, 'q', CASES);
  // The reviewers run in another process, as they would on their own machines.
  // (Spawned asynchronously: the server in this process must keep serving meanwhile.)
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      TSX,
      [
        join(import.meta.dirname, 'claimClients.ts'),
        server.url,
        TEST_PASSWORD,
        String(CASES / REVIEWERS),
        ...staff.keys(),
      ],
      { env: { ...process.env, CLAIM_PROBE: probe ?? '' } },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`claim clients exited with ${code}`))));
  });
  const { ms, claimed: all } = JSON.parse(stdout) as { ms: number; claimed: number[] };
  await handle.close();
  await server.close();
  return { perSecond: rate(all.length, ms), duplicates: all.length - new Set(all).size, claimed: all.length };
}

/** The same 16 reviewers calling the claim use case in-process: the service path without HTTP. */
async function serviceClaims(): Promise<{ perSecond: number; duplicates: number; claimed: number }> {
  const handle = openDatabase(`sqlite:${join(dir, 'service-claims.sqlite')}`);
  await migrateToLatest(handle.db);
  const staff = await createStaff(
    handle.db,
    Array.from({ length: REVIEWERS }, (_, i) => ({ username: `s${i}`, role: 'reviewer' as const })),
  );
  await createQueue(handle.db, 'q', { members: [...staff.values()] });
  await insertTriagedCases(handle.db, 'q', CASES);
  const bus = new ChangeBus();
  const start = performance.now();
  const claimed = await Promise.all(
    [...staff.values()].map(async (id) => {
      const ctx = {
        db: handle.db,
        clock: systemClock,
        bus,
        audit: { actor: { type: 'user' as const, id: String(id) } },
      };
      const mine: number[] = [];
      for (let i = 0; i < CASES / REVIEWERS; i++) {
        const next = await claimNext(ctx, {});
        if (next) mine.push(next.caseId);
      }
      return mine;
    }),
  );
  const ms = performance.now() - start;
  await handle.close();
  const all = claimed.flat();
  return { perSecond: rate(all.length, ms), duplicates: all.length - new Set(all).size, claimed: all.length };
}

const rawIntakeRate = await rawIntake();
const deskIntakeRate = await deskIntake();
console.log(
  `intake    desk ${deskIntakeRate} reports/s   raw SQLite ${rawIntakeRate}/s   ratio ${(deskIntakeRate / rawIntakeRate).toFixed(2)}× (goal ≥ 0.25×)`,
);
const rawClaimRate = await rawClaims();
const desk = await deskClaims();
console.log(
  `claims    desk ${desk.perSecond} claims/s over HTTP, ${REVIEWERS} reviewers (${desk.claimed} claimed, ${desk.duplicates} duplicates)   raw SQLite ${rawClaimRate}/s   ratio ${(desk.perSecond / rawClaimRate).toFixed(2)}× (goal ≥ 0.25×)`,
);
const service = await serviceClaims();
console.log(
  `claims    service path ${service.perSecond} claims/s in-process, ${REVIEWERS} callers (${service.duplicates} duplicates)   ratio ${(service.perSecond / rawClaimRate).toFixed(2)}× raw`,
);
const floor = await deskClaims('me');
console.log(
  `floor     auth.me ${floor.perSecond} requests/s over HTTP, ${REVIEWERS} signed-in clients   ratio ${(floor.perSecond / rawClaimRate).toFixed(2)}× raw claims (no claim can beat this)`,
);
rmSync(dir, { recursive: true, force: true });

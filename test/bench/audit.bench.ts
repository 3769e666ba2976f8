/**
 * The audit trail at volume (issue 7). Export rows/s next to `sqlite3 -csv` over the same table
 * in the same run (goal ≥ 0.5×), and chain verification events/s next to merely reading the
 * same rows. With BENCH_DATABASE_URL=postgres://… the PostgreSQL export is measured too, next
 * to `psql \copy … CSV`. Best of three runs each, since a shared machine is noisy. Never
 * asserts. Run: npx tsx test/bench/audit.bench.ts (BENCH_AUDIT_EVENTS, default 5,000,000, and BENCH_AUDIT_CHAIN to size).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditEventHash, GENESIS_HASH } from '../../server/audit/auditHash';
import { exportFormat } from '../../server/audit/exportFormats';
import { sliceFor, streamExport } from '../../server/audit/exportStream';
import { verifyChain } from '../../server/audit/verifyChain';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { auditEventsRepo } from '../../server/db/repositories/auditEvents.repo';
import type { AuditEventRow } from '../../server/db/tables/auditEvents.table';
import { defaultRulebook } from '../../shared/rulebook';
import { fillAuditEvents } from '../support/auditRows';
import { createTestDatabase } from '../support/testDatabase';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 5_000_000);
const CHAIN = Number(process.env.BENCH_AUDIT_CHAIN ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'verdict-audit-bench-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Best (shortest) of `runs` timings of `fn`, in ms. */
async function best(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

/** Samples this process's resident memory until stopped; returns the highest reading, in bytes. */
function peakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Our export of the whole table into a file, as the CLI and the endpoint run it. */
async function exportToFile(db: Db, format: 'csv' | 'ndjson', file: string): Promise<number> {
  const out = createWriteStream(file);
  const summary = await streamExport(
    db,
    await sliceFor(db, {}),
    exportFormat(format, { utcOffsetMinutes: defaultRulebook.utcOffsetMinutes }),
    out,
  );
  await new Promise<void>((done) => out.end(done));
  return summary.count;
}

function line(label: string, rows: number, ms: number, baselineMs?: number) {
  const rate = `${fmt((rows / ms) * 1000).padStart(11)} rows/s  ${(ms / 1000).toFixed(2).padStart(6)} s`;
  const ratio = baselineMs === undefined ? '' : `   ${(baselineMs / ms).toFixed(2)}× the baseline`;
  console.log(`  ${label.padEnd(34)}${rate}${ratio}`);
}

async function exportBench() {
  const file = join(dir, 'export.sqlite');
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  await fillAuditEvents(handle.db, EVENTS);
  console.log(`export, SQLite, ${fmt(EVENTS)} events (${fmt(statSync(file).size / 2 ** 20)} MiB database):`);
  let baseline: number | undefined;
  if (has('sqlite3')) {
    const out = join(dir, 'sqlite3.csv');
    baseline = await best(3, () =>
      spawnSync('sh', ['-c', `sqlite3 -csv -header '${file}' 'SELECT * FROM audit_events ORDER BY seq' > '${out}'`]),
    );
    line('sqlite3 -csv (baseline)', EVENTS, baseline);
  } else {
    console.log('  sqlite3 CLI not installed (apt-get install -y sqlite3): no baseline this run');
  }
  const rss = peakRss();
  line(
    'audit export --format csv',
    EVENTS,
    await best(3, () => exportToFile(handle.db, 'csv', join(dir, 'ours.csv'))),
    baseline,
  );
  console.log(`  peak RSS of this process while exporting: ${fmt(rss.stop() / 2 ** 20)} MiB (goal < 200 MB)`);
  line(
    'audit export --format ndjson',
    EVENTS,
    await best(2, () => exportToFile(handle.db, 'ndjson', join(dir, 'ours.ndjson'))),
    baseline,
  );
  await handle.close();
}

/** A valid chain of `count` events, hashed here and inserted in large batches. */
async function buildChain(db: Db, count: number) {
  let prev = GENESIS_HASH;
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let seq = 1; seq <= count; ) {
    const batch: AuditEventRow[] = [];
    for (; batch.length < 1000 && seq <= count; seq++) {
      const fields = {
        seq,
        at: new Date(start + seq * 1000).toISOString(),
        actor_type: 'user' as const,
        actor_id: String(seq % 50),
        action: 'case.updated',
        target_type: 'case',
        target_id: String(seq % 9000),
        data: `{"after":{"status":"decided"},"before":{"status":"assigned"},"n":${seq}}`,
        request_id: `req-${seq}`,
        batch_id: null,
        ip: '10.0.0.1',
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
      };
      const hash = auditEventHash(prev, fields);
      batch.push({ ...fields, prev_hash: prev, hash });
      prev = hash;
    }
    await db.insertInto('audit_events').values(batch).execute();
  }
}

async function verifyBench() {
  const handle = openDatabase(`sqlite:${join(dir, 'chain.sqlite')}`);
  await migrateToLatest(handle.db);
  await buildChain(handle.db, CHAIN);
  console.log(`\nverification, SQLite, a valid chain of ${fmt(CHAIN)} events:`);
  // The baseline: the same walk over the same rows, without hashing anything.
  const read = await best(3, async () => {
    for (let after = 0; after < CHAIN; after += 5000)
      await auditEventsRepo.page(handle.db, { afterSeq: after, throughSeq: after + 5000 }, 5000);
  });
  line('read every row (baseline)', CHAIN, read);
  let ok = false;
  const verify = await best(3, async () => {
    ok = (await verifyChain(handle.db)).ok;
  });
  line(`audit verify (${ok ? 'ok' : 'BROKEN'})`, CHAIN, verify, read);
  await handle.close();
}

async function postgresBench() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url?.startsWith('postgres')) return;
  process.env.TEST_DATABASE_URL = url;
  const database = await createTestDatabase('postgres');
  const handle = openDatabase(database.url);
  try {
    await migrateToLatest(handle.db);
    await fillAuditEvents(handle.db, EVENTS);
    console.log(`\nexport, PostgreSQL, ${fmt(EVENTS)} events:`);
    let baseline: number | undefined;
    if (has('psql')) {
      const out = join(dir, 'psql.csv');
      baseline = await best(3, () =>
        spawnSync('psql', [
          database.url,
          '-qc',
          `\\copy (SELECT * FROM audit_events ORDER BY seq) TO '${out}' CSV HEADER`,
        ]),
      );
      line('psql \\copy … CSV (baseline)', EVENTS, baseline);
    }
    line(
      'audit export --format csv',
      EVENTS,
      await best(3, () => exportToFile(handle.db, 'csv', join(dir, 'pg.csv'))),
      baseline,
    );
  } finally {
    await handle.close();
    await database.drop();
  }
}

try {
  await exportBench();
  await verifyBench();
  await postgresBench();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { fillAuditEvents } from '../support/auditRows';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

const ROOT = resolve(import.meta.dirname, '../..');
const EVENTS = 1_000_000;
const MB = 1024 * 1024;

/**
 * Runs `audit export` as its own process (node with the tsx loader, so the pid is the
 * exporter itself, not a wrapper) and samples its peak resident memory (VmHWM) until it exits.
 */
function exportWithPeakRss(
  databaseUrl: string,
  args: string[],
): Promise<{ code: number | null; stderr: string; peakRss: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', 'audit', 'export', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DESK_AUDIT_ANCHOR_FILE: 'off', LOG_LEVEL: 'silent' },
    });
    let peakRss = 0;
    let stderr = '';
    const sample = async () => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
        peakRss = Math.max(peakRss, kb * 1024);
      } catch {
        // the process has just exited; VmHWM only grows, so the last sample stands
      }
    };
    const timer = setInterval(sample, 25);
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      clearInterval(timer);
      done({ code, stderr, peakRss });
    });
  });
}

async function fileDigest(path: string): Promise<{ sha256: string; lines: number; bytes: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  return { sha256: hash.digest('hex'), lines, bytes };
}

const syntheticHash = (seq: number) => seq.toString(16).padStart(64, '0');

describe.each(BACKENDS)('exporting a million audit events on %s', (backend) => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const handle = openDatabase(database.url);
    try {
      await migrateToLatest(handle.db);
      await fillAuditEvents(handle.db, EVENTS, '2026-01-01T00:00:00Z');
    } finally {
      await handle.close();
    }
    dir = mkdtempSync(join(tmpdir(), 'verdict-million-'));
  }, 60_000);
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams them with memory that does not grow with the trail, and a manifest that matches the file', async () => {
    const started = Date.now();
    const out = join(dir, 'million.csv');
    const big = await exportWithPeakRss(database.url, ['--format', 'csv', '--out', out]);
    const seconds = (Date.now() - started) / 1000;
    expect(big.stderr).toBe('');
    expect(big.code).toBe(0);

    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'));
    const file = await fileDigest(out);
    expect(manifest).toMatchObject({
      format: 'csv',
      count: EVENTS,
      first: { seq: 1, hash: syntheticHash(1) },
      last: { seq: EVENTS, hash: syntheticHash(EVENTS) },
      range: { from: null, to: null, throughSeq: EVENTS },
      sha256: file.sha256,
      bytes: file.bytes,
    });
    // One header line and one line per event (the synthetic rows hold no line breaks).
    expect(file.lines).toBe(EVENTS + 1);
    expect(file.bytes).toBeGreaterThan(300 * MB);

    // The same command over the last thousand events: start-up cost (tsx, modules) alone.
    const small = await exportWithPeakRss(database.url, [
      '--format',
      'csv',
      '--out',
      join(dir, 'small.csv'),
      '--from',
      '2026-01-12T13:30:00Z',
      '--to',
      '2026-01-13T00:00:00Z',
    ]);
    expect(small.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'small.csv.manifest.json'), 'utf8')).count).toBe(EVENTS - 999_000 + 1);

    const growth = big.peakRss - small.peakRss;
    const report = `peak RSS ${Math.round(big.peakRss / MB)} MB for ${EVENTS} events (${Math.round(file.bytes / MB)} MB file, ${seconds.toFixed(1)} s) vs ${Math.round(small.peakRss / MB)} MB for 1,001`;
    console.log(`${backend}: ${report}`);
    // A thousand times more rows than the small export, a third of a gigabyte of output, and
    // the process holds a few pages more at most: GC slack, not the file.
    expect(growth, report).toBeLessThan(128 * MB);
    expect(big.peakRss, report).toBeLessThan(400 * MB);
    // Catches a pathological plan (a full scan per page took 70 s on PostgreSQL), not noise.
    expect(seconds, report).toBeLessThan(60);
  }, 90_000);
});

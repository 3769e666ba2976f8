import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAnchorFile, readAnchors } from '../../server/audit/anchors';
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { startAuditMonitor } from '../../server/jobs/auditMonitor';
import { startServer } from '../../server/server';
import { appendEvents, dropAuditGuards } from '../support/auditRows';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** A pino logger whose lines land in an array, to assert on what the server logs. */
function capturingLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(BACKENDS)('the audit monitor on %s', (backend) => {
  let database: TestDatabase;
  let handle: ReturnType<typeof openDatabase>;
  let db: Db;
  let dir: string;
  let anchorFile: string;

  beforeEach(async () => {
    database = await createTestDatabase(backend);
    handle = openDatabase(database.url);
    db = handle.db;
    await migrateToLatest(db);
    dir = mkdtempSync(join(tmpdir(), 'verdict-monitor-'));
    anchorFile = join(dir, 'anchors.ndjson');
  });
  afterEach(async () => {
    await handle.close();
    // pg's Pool.end() resolves before its clients' sockets close; dropping the database WITH
    // (FORCE) at that moment kills them mid-close, and their error would go uncaught.
    await pause(100);
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('anchors the head when it moves, and only then', async () => {
    const { logger } = capturingLogger();
    await appendEvents(db, 5);
    const monitor = startAuditMonitor(
      { db, clock: systemClock, logger },
      { verifyIntervalMs: 0, anchorIntervalMs: 30, anchorFile },
    );
    try {
      await until(async () => (await readAnchors(anchorFile)).length === 1);
      await pause(150);
      expect(await readAnchors(anchorFile)).toEqual([expect.objectContaining({ seq: 5 })]);
      await appendEvents(db, 1);
      await until(async () => (await readAnchors(anchorFile)).length === 2);
      const head = await db
        .selectFrom('audit_events')
        .select(['seq', 'hash'])
        .where('seq', '=', 6)
        .executeTakeFirstOrThrow();
      expect((await readAnchors(anchorFile))[1]).toMatchObject(head);
    } finally {
      await monitor.stop();
    }
    await appendEvents(db, 1);
    await pause(150);
    expect(await readAnchors(anchorFile)).toHaveLength(2);
  });

  it('logs an error naming the first bad row when the chain breaks, and stops when told', async () => {
    const { logger, lines } = capturingLogger();
    await appendEvents(db, 6);
    const monitor = startAuditMonitor(
      { db, clock: systemClock, logger },
      { verifyIntervalMs: 30, anchorIntervalMs: 0, anchorFile },
    );
    await until(() => lines.some((l) => l.msg === 'audit trail verified'));
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    await dropAuditGuards(db);
    await sql`UPDATE audit_events SET actor_id = '999' WHERE seq = 4`.execute(db);
    await until(() => lines.some((l) => l.level === 50));
    expect(lines.find((l) => l.level === 50)).toMatchObject({
      msg: 'audit trail verification failed at seq 4 (altered)',
      firstBad: 4,
      reason: 'altered',
      count: 3,
    });
    await monitor.stop();
    const logged = lines.length;
    await pause(150);
    expect(lines.length).toBe(logged);
  });

  it('runs inside the server from start-up, and stops with it', async () => {
    const { logger, lines } = capturingLogger();
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: database.url,
      DESK_DEMO: '0',
      DESK_AUDIT_VERIFY_SECONDS: '0.05',
      DESK_AUDIT_ANCHOR_SECONDS: '0.05',
      DESK_AUDIT_ANCHOR_FILE: anchorFile,
    });
    await appendEvents(db, 3);
    const server = await startServer(config, { logger });
    try {
      await until(async () => (await readAnchors(anchorFile)).length === 1);
      await dropAuditGuards(db);
      await sql`DELETE FROM audit_events WHERE seq = 2`.execute(db);
      await until(() => lines.some((l) => l.level === 50));
      expect(lines.find((l) => l.level === 50)).toMatchObject({ firstBad: 2, reason: 'gap' });
    } finally {
      await server.close();
    }
    const logged = lines.length;
    await appendEvents(db, 1, new Date('2030-01-01T00:00:00Z')).catch(() => null);
    await pause(200);
    expect(lines.length).toBe(logged);
    expect(await readAnchors(anchorFile)).toHaveLength(1);
  });
});

describe('audit monitor configuration', () => {
  it('defaults to a check every 15 minutes and an hourly anchor beside the SQLite file', () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite:./data/verdict.sqlite' });
    expect(config.audit).toEqual({
      verifyIntervalMs: 900_000,
      anchorIntervalMs: 3_600_000,
      anchorFile: join(process.cwd(), 'data', 'verdict-audit-anchors.ndjson'),
      signingKeyFile: null,
    });
  });

  it('keeps one anchor file per database, none in memory, and can be turned off', () => {
    expect(defaultAnchorFile('sqlite::memory:')).toBeNull();
    expect(defaultAnchorFile('postgres://u:secret@db.example:5433/desk')).toBe(
      join(process.cwd(), 'data', 'db.example-5433-desk-audit-anchors.ndjson'),
    );
    expect(loadConfig({ DESK_AUDIT_ANCHOR_FILE: 'off' }).audit.anchorFile).toBeNull();
    expect(loadConfig({ DESK_AUDIT_VERIFY_SECONDS: '0' }).audit.verifyIntervalMs).toBe(0);
    expect(() => loadConfig({ DESK_AUDIT_ANCHOR_SECONDS: 'hourly' })).toThrow(/DESK_AUDIT_ANCHOR_SECONDS/);
  });
});

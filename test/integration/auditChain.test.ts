import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Anchor, appendAnchor, readAnchors } from '../../server/audit/anchors';
import { auditEventHash } from '../../server/audit/auditHash';
import { recordRawEvent } from '../../server/audit/recordEvent';
import { readSigningKey, signAnchor, writeSigningKey } from '../../server/audit/signedAnchor';
import { takeAnchor } from '../../server/audit/takeAnchor';
import { verifyChain } from '../../server/audit/verifyChain';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import type { AuditEventRow } from '../../server/db/tables/auditEvents.table';
import { appendEvents, dropAuditGuards } from '../support/auditRows';
import { runDesk } from '../support/runDesk';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('audit chain tamper evidence on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  let dir: string;
  let anchorFile: string;

  const deskVerify = () =>
    runDesk(['audit', 'verify'], { env: { DATABASE_URL: database.url, DESK_AUDIT_ANCHOR_FILE: anchorFile } });
  const anchorHead = async () => {
    const head = await db
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await appendAnchor(anchorFile, { at: new Date().toISOString(), ...head });
  };

  /** What an attacker does after an edit: recompute every hash from `from` on, so the chain verifies. */
  const rechainFrom = async (from: number, edit: (row: AuditEventRow) => AuditEventRow) => {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', from).orderBy('seq').execute();
    let prev = (
      await db
        .selectFrom('audit_events')
        .select('hash')
        .where('seq', '=', from - 1)
        .executeTakeFirstOrThrow()
    ).hash;
    for (const row of rows) {
      const fields = edit(row);
      const hash = auditEventHash(prev, fields);
      await db
        .updateTable('audit_events')
        .set({ actor_id: fields.actor_id, ip: fields.ip, data: fields.data, prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
  };

  beforeEach(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    dir = mkdtempSync(join(tmpdir(), 'verdict-anchors-'));
    anchorFile = join(dir, 'anchors.ndjson');
    await appendEvents(db, 10);
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an untouched chain, from the CLI too', async () => {
    const result = await verifyChain(db);
    expect(result).toMatchObject({ ok: true, count: 10 });
    const run = await deskVerify();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`ok 10 ${result.head}`);
  });

  it('rejects a direct UPDATE and DELETE in the database itself', async () => {
    await expect(sql`UPDATE audit_events SET data = '{"forged":true}' WHERE seq = 3`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_events WHERE seq = 3`.execute(db)).rejects.toThrow(/append-only/);
    if (backend === 'postgres') await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 10 });
  });

  it('finds an edit made with the triggers dropped at the exact row', async () => {
    await dropAuditGuards(db);
    await sql`UPDATE audit_events SET data = '{"after":{"n":99},"before":{"n":5}}' WHERE seq = 6`.execute(db);
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBad: 6, reason: 'altered', count: 5 });
    const run = await deskVerify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/first bad seq 6\b/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows an edit whose own hash was recomputed as a break at the next row', async () => {
    await dropAuditGuards(db);
    const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
    const forged = { ...row, actor_id: '999' };
    await db
      .updateTable('audit_events')
      .set({ actor_id: '999', hash: auditEventHash(row.prev_hash, forged) })
      .where('seq', '=', 6)
      .execute();
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBad: 7, reason: 'altered', count: 6 });
  });

  it('finds a deleted middle row', async () => {
    await dropAuditGuards(db);
    await sql`DELETE FROM audit_events WHERE seq = 5`.execute(db);
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBad: 5, reason: 'gap', count: 4 });
    const run = await deskVerify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/first bad seq 5\b.*missing/);
  });

  it('detects truncation of the tail through an anchor, and only through one', async () => {
    await anchorHead();
    expect(await readAnchors(anchorFile)).toEqual([expect.objectContaining({ seq: 10 })]);
    await dropAuditGuards(db);
    await sql`DELETE FROM audit_events WHERE seq > 7`.execute(db);
    // The chain alone cannot tell a cut tail from a trail that ended there.
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 7 });
    const anchors = await readAnchors(anchorFile);
    expect(await verifyChain(db, { anchors })).toMatchObject({
      ok: false,
      firstBad: 8,
      reason: 'truncated',
      count: 7,
      anchors: { checked: 0, lastSeq: 10 },
    });
    const run = await deskVerify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/first bad seq 8\b/);
  });

  it('detects a chain recomputed from the first edit on through the anchors', async () => {
    const early = await db
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await appendAnchor(anchorFile, { at: new Date().toISOString(), ...early });
    await anchorHead();
    await dropAuditGuards(db);
    // Rewrite row 5 and re-chain everything after it: the chain is consistent again.
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', 5).orderBy('seq').execute();
    let prev = (await db.selectFrom('audit_events').select('hash').where('seq', '=', 4).executeTakeFirstOrThrow()).hash;
    for (const row of rows) {
      const fields = row.seq === 5 ? { ...row, data: '{"after":{"n":0},"before":{"n":4}}' } : row;
      const hash = auditEventHash(prev, fields);
      await db
        .updateTable('audit_events')
        .set({ data: fields.data, prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 10 });
    expect(await verifyChain(db, { anchors: await readAnchors(anchorFile) })).toMatchObject({
      ok: false,
      reason: 'anchor_mismatch',
      // Rows up to the last anchor that matched (3) are proven; everything after is in doubt.
      firstBad: 4,
      anchors: { checked: 2 },
    });
  });

  it('names the rewritten row, not the first, when the chain was recomputed after an edit at 100', async () => {
    await appendEvents(db, 140);
    const anchor = await takeAnchor(db, undefined, new Date());
    if (!anchor) throw new Error('no head');
    await appendAnchor(anchorFile, anchor);
    await appendEvents(db, 5);
    // An anchor taken later continues the first one's digests without reading the trail again.
    const later = await takeAnchor(db, anchor, new Date());
    expect(later).toEqual(await takeAnchor(db, undefined, later ? new Date(later.at) : new Date()));

    await dropAuditGuards(db);
    await rechainFrom(100, (row) => (row.seq === 100 ? { ...row, actor_id: '999' } : row));
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 155 });
    expect(await verifyChain(db, { anchors: await readAnchors(anchorFile) })).toMatchObject({
      ok: false,
      reason: 'anchor_mismatch',
      firstBad: 100,
      anchors: { checked: 1, lastSeq: 150 },
    });
    const run = await deskVerify();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/first bad seq 100: the chain differs from an anchored head hash \(99 events verified/);
  });

  it('falls back to the last matching anchor when several rows were rewritten', async () => {
    await appendEvents(db, 40);
    await appendAnchor(anchorFile, (await takeAnchor(db, undefined, new Date())) as Anchor);
    await dropAuditGuards(db);
    await rechainFrom(20, (row) => (row.seq === 20 || row.seq === 33 ? { ...row, ip: '10.9.9.9' } : row));
    expect(await verifyChain(db, { anchors: await readAnchors(anchorFile) })).toMatchObject({
      ok: false,
      reason: 'anchor_mismatch',
      firstBad: 1,
    });
  });

  it('signs an anchor to take off the host, and verifies against it: a recomputed chain fails at the edit', async () => {
    const key = join(dir, 'anchor-key.pem');
    const env = { DATABASE_URL: database.url, DESK_AUDIT_ANCHOR_FILE: anchorFile, DESK_AUDIT_SIGNING_KEY_FILE: key };
    const keygen = await runDesk(['audit', 'keygen', key], { env });
    expect(keygen).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(key, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    expect((await runDesk(['audit', 'keygen', key], { env })).stderr).toMatch(/exists; choose a new name/);
    await appendEvents(db, 30);

    const signed = await runDesk(['audit', 'anchor', '--sign'], { env });
    expect(signed).toMatchObject({ code: 0, stderr: '' });
    const anchor = JSON.parse(signed.stdout) as Record<string, unknown>;
    const head = await db.selectFrom('audit_events').select(['seq', 'hash']).where('seq', '=', 40).executeTakeFirst();
    expect(anchor).toMatchObject({ v: 1, seq: 40, count: 40, hash: head?.hash, signature: expect.any(String) });
    const signedFile = join(dir, 'signed-anchor.json');
    writeFileSync(signedFile, signed.stdout);
    const verifyAgainst = (file: string) =>
      runDesk(['audit', 'verify', '--anchor', file, '--public-key', `${key}.pub`], {
        env: { DATABASE_URL: database.url, DESK_AUDIT_ANCHOR_FILE: 'off' },
      });
    expect((await verifyAgainst(signedFile)).stdout).toMatch(/^ok 40 /);
    // A forged anchor (here: one claiming an earlier head) does not verify.
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...anchor, seq: 39, count: 39 }));
    const refused = await verifyAgainst(forged);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/signature does not verify/);

    await dropAuditGuards(db);
    await rechainFrom(25, (row) => (row.seq === 25 ? { ...row, ip: '203.0.113.7' } : row));
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 40 });
    const caught = await verifyAgainst(signedFile);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toMatch(/first bad seq 25: the chain differs from an anchored head hash/);
    expect(caught.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('detects a cut tail against a signed anchor whose seq is past the head', async () => {
    const key = join(dir, 'anchor-key.pem');
    await writeSigningKey(key);
    const anchor = await takeAnchor(db, undefined, new Date());
    if (!anchor) throw new Error('no head');
    const signedFile = join(dir, 'signed-anchor.json');
    writeFileSync(signedFile, JSON.stringify(signAnchor(anchor, await readSigningKey(key))));
    await dropAuditGuards(db);
    await sql`DELETE FROM audit_events WHERE seq > 6`.execute(db);
    const run = await runDesk(['audit', 'verify', '--anchor', signedFile], {
      env: { DATABASE_URL: database.url, DESK_AUDIT_ANCHOR_FILE: 'off', DESK_AUDIT_SIGNING_KEY_FILE: key },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/first bad seq 7: rows an anchor recorded are gone from the end \(6 events verified/);
  });

  it('chains after whatever the head is: another writer, a rolled-back append, another database', async () => {
    const system = { actor: { type: 'system' as const, id: null } };
    const record = (on: Db, action: string) =>
      on.transaction().execute((trx) => recordRawEvent(trx, system, { action }, new Date()));
    await record(db, 'test.first');
    // Another process appends a valid event behind this one's back.
    const other = openDatabase(database.url);
    try {
      await appendEvents(other.db, 1);
    } finally {
      await other.close();
    }
    await record(db, 'test.after_other_writer');
    // An append that rolls back leaves no head behind it.
    await expect(
      db.transaction().execute(async (trx) => {
        await recordRawEvent(trx, system, { action: 'test.rolled_back' }, new Date());
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    await record(db, 'test.after_rollback');
    // A second database appended to in between.
    const second = await openMigratedTestDatabase(backend);
    try {
      await record(second.db, 'test.elsewhere');
      expect(await verifyChain(second.db)).toMatchObject({ ok: true, count: 1 });
    } finally {
      await second.close();
    }
    await record(db, 'test.after_other_database');

    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 15 });
    const actions = await db.selectFrom('audit_events').select('action').where('seq', '>', 10).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'test.first',
      'test.touched',
      'test.after_other_writer',
      'test.after_rollback',
      'test.after_other_database',
    ]);
  });

  it('keeps one unforked chain under concurrent appends', async () => {
    const writers = Array.from({ length: 40 }, (_, i) =>
      db.transaction().execute(async (trx) => {
        // Hold the transaction open a moment so appends really overlap (pool of 10 on PostgreSQL).
        if (backend === 'postgres') await sql`SELECT pg_sleep(0.005)`.execute(trx);
        return recordRawEvent(
          trx,
          { actor: { type: 'system', id: null } },
          { action: 'test.concurrent', data: { i } },
          new Date(),
        );
      }),
    );
    const results = await Promise.all(writers);
    expect(new Set(results.map((r) => r.seq)).size).toBe(40);
    const result = await verifyChain(db);
    expect(result).toMatchObject({ ok: true, count: 50 });
    const seqs = (await db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});

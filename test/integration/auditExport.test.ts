import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, csvRow } from '../../server/audit/exportFormats';
import { recordRawEvent } from '../../server/audit/recordEvent';
import { verifyChain } from '../../server/audit/verifyChain';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { EXPORT_HEADERS } from '../../shared/api/audit';
import { CASE_DECIDED, type CaseDecidedPayload } from '../../shared/audit/caseDecided';
import { signIn } from '../support/apiClient';
import { appendEvents } from '../support/auditRows';
import { parseCsv } from '../support/csv';
import { runDesk } from '../support/runDesk';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Events whose text needs every CSV rule: commas, quotes, CR/LF, Chinese, NULL and ''. */
async function recordAwkwardEvents(db: Db) {
  await db.transaction().execute((trx) =>
    recordRawEvent(
      trx,
      {
        actor: { type: 'system', id: null },
        requestId: '',
        batchId: 'batch,"7"',
        ip: null,
        userAgent: 'Mozilla/5.0 "审核台", v2\r\nsecond line\nthird',
      },
      { action: 'test.awkward', target: { type: 'case', id: '12,"13"' }, data: { note: '逗号，"引号"\n换行, comma' } },
      new Date('2030-01-01T00:00:00Z'),
    ),
  );
}

function decision(caseId: number, overrides: Partial<CaseDecidedPayload>): CaseDecidedPayload {
  return {
    caseId,
    subjectId: 'M10001',
    subjectKind: 'merchant',
    rule: 'counterfeit',
    ruleVersion: '2024-01',
    decision: 'apply',
    measures: ['item-deleted'],
    source: 'user_report',
    automatedDetection: false,
    automatedDecision: false,
    decidedAt: '2030-01-02T03:00:00.000Z',
    reason: '鉴定为假冒商品',
    ...overrides,
  };
}

async function recordDecisions(db: Db) {
  const decisions = [
    decision(501, {}),
    decision(502, { decision: 'waive' }),
    decision(503, { measures: ['warning'], rule: 'false-appeal-evidence' }),
  ];
  for (const [i, payload] of decisions.entries()) {
    await db
      .transaction()
      .execute((trx) =>
        recordRawEvent(
          trx,
          { actor: { type: 'user', id: '3' } },
          { action: CASE_DECIDED, target: { type: 'case', id: payload.caseId }, data: payload },
          new Date(Date.UTC(2030, 0, 2, 3, i)),
        ),
      );
  }
}

describe.each(BACKENDS)('audit export over HTTP on %s', (backend) => {
  let server: TestServer;
  let auditorCookie: string;
  let auditorId: number;

  const exportUrl = (query: string) => `${server.url}/api/audit/export?${query}`;
  const download = (query: string, cookie = auditorCookie) =>
    fetch(exportUrl(query), { headers: { cookie, 'x-verdict-csrf': '1' } });

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: true });
    await recordAwkwardEvents(server.db);
    await recordDecisions(server.db);
    const auditor = await signIn(server.url, 'auditor', DEMO_PASSWORD);
    auditorCookie = [...auditor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    auditorId = (await auditor.trpc.auth.me.query())?.id ?? 0;
  });
  afterAll(() => server.stop());

  it('is refused without a session (401) and to roles without audit.export (403)', async () => {
    expect((await fetch(exportUrl('format=csv'))).status).toBe(401);
    for (const username of ['reviewer', 'admin']) {
      const client = await signIn(server.url, username, DEMO_PASSWORD);
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await download('format=csv', cookie);
      expect(res.status, username).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
    }
  });

  it('lets an auditor list the trail and refuses a reviewer with FORBIDDEN', async () => {
    const reviewer = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    const err = await reviewer.trpc.audit.list.query({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<any>).data?.code).toBe('FORBIDDEN');
    await expect(reviewer.trpc.audit.verify.query({})).rejects.toThrow(/audit.read/);
    const auditor = await signIn(server.url, 'auditor', DEMO_PASSWORD);
    expect((await auditor.trpc.audit.list.query({})).total).toBeGreaterThan(0);
  });

  it('streams the trail as CSV, byte for byte the rows in RFC 4180', async () => {
    const res = await download('format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="verdict-audit-\d{8}T\d{6}Z\.csv"$/);
    const body = Buffer.from(await res.arrayBuffer());
    const exportId = Number(res.headers.get(EXPORT_HEADERS.id));
    const rows = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '<', exportId)
      .orderBy('seq')
      .execute();
    expect(Number(res.headers.get(EXPORT_HEADERS.rows))).toBe(rows.length);
    // The database renders CSV for speed; it must be exactly what the TypeScript renderer writes.
    expect(body.toString('utf8')).toBe(CSV_HEADER + rows.map(csvRow).join(''));
    const [header, ...records] = parseCsv(body.toString('utf8'));
    expect(header?.[0]).toBe('seq');
    expect(records).toEqual(rows.map((r) => Object.values(r).map((v) => (v === null ? null : String(v)))));
    const awkward = records.find((r) => r[4] === 'test.awkward');
    expect(awkward).toEqual([
      expect.any(String),
      '2030-01-01T00:00:00.000Z',
      'system',
      null,
      'test.awkward',
      'case',
      '12,"13"',
      '{"note":"逗号，\\"引号\\"\\n换行, comma"}',
      '',
      'batch,"7"',
      null,
      'Mozilla/5.0 "审核台", v2\r\nsecond line\nthird',
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
  });

  it('offers a CSV for Excel: BOM, platform time beside UTC, actor names beside ids, Chinese intact', async () => {
    // A cell Excel would run as a formula is defanged in this reading copy.
    await server.db
      .transaction()
      .execute((trx) =>
        recordRawEvent(
          trx,
          { actor: { type: 'user', id: String(auditorId) }, userAgent: '=HYPERLINK("http://evil.test")' },
          { action: 'test.formula', data: { note: '中文备注' } },
          new Date('2030-01-03T16:30:00Z'),
        ),
      );
    const res = await download('format=csv-excel');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="verdict-audit-\d{8}T\d{6}Z\.excel\.csv"$/,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(body.toString('utf8').replace(/^\uFEFF/, ''));
    expect(header).toEqual([
      'seq',
      'at (UTC)',
      'at_platform (UTC+8)',
      'actor_type',
      'actor_id',
      'actor_name',
      'action',
      'action_label',
      'target_type',
      'target_id',
      'data',
      'request_id',
      'batch_id',
      'ip',
      'user_agent',
      'prev_hash',
      'hash',
    ]);
    const exportId = Number(res.headers.get(EXPORT_HEADERS.id));
    expect(records).toHaveLength(exportId - 1);
    expect(records.find((r) => r[6] === 'test.awkward')?.slice(0, 11)).toEqual([
      expect.any(String),
      '2030-01-01T00:00:00.000Z',
      '2030-01-01 08:00:00.000',
      'system',
      null,
      null,
      'test.awkward',
      null,
      'case',
      '12,"13"',
      '{"note":"逗号，\\"引号\\"\\n换行, comma"}',
    ]);
    const auditor = await server.db
      .selectFrom('users')
      .select(['username', 'display_name'])
      .where('id', '=', auditorId)
      .executeTakeFirstOrThrow();
    const formula = records.find((r) => r[6] === 'test.formula');
    expect(formula?.slice(1, 6)).toEqual([
      '2030-01-03T16:30:00.000Z',
      '2030-01-04 00:30:00.000',
      'user',
      String(auditorId),
      `${auditor.display_name} (${auditor.username})`,
    ]);
    expect(auditor.display_name).toMatch(/[\u4e00-\u9fff]/);
    expect(formula?.[10]).toBe('{"note":"中文备注"}');
    expect(formula?.[14]).toBe(`'=HYPERLINK("http://evil.test")`);
    // Registered actions carry their Chinese name beside the code.
    expect(records.find((r) => r[6] === CASE_DECIDED)?.[7]).toBe('作出决定');
    // Every user-made event names its actor.
    expect(records.filter((r) => r[3] === 'user').every((r) => r[5] && r[5].length > 0)).toBe(true);

    const auditorClient = await signIn(server.url, 'auditor', DEMO_PASSWORD);
    const manifest = await auditorClient.trpc.audit.exportManifest.query({ exportId });
    expect(manifest).toMatchObject({ format: 'csv-excel', count: records.length, sha256: sha256(body) });
  });

  it('records who exported what range, and its manifest matches the bytes sent', async () => {
    const from = '2030-01-01T08:00:00+08:00';
    const to = '2030-01-02T11:01:00+08:00';
    const res = await download(`format=ndjson&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    const lines = body
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    // From is inclusive (the awkward event at 00:00Z), to exclusive (the decision at 03:01Z is out).
    expect(lines.map((l) => l.action)).toEqual(['test.awkward', CASE_DECIDED]);
    expect(lines[0]).toMatchObject({ batch_id: 'batch,"7"', ip: null, request_id: '' });

    const exportId = Number(res.headers.get(EXPORT_HEADERS.id));
    const started = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', exportId)
      .executeTakeFirstOrThrow();
    expect(started).toMatchObject({ action: 'audit.exported', actor_type: 'user', actor_id: String(auditorId) });
    expect(JSON.parse(started.data ?? '')).toMatchObject({
      format: 'ndjson',
      from: '2030-01-01T00:00:00.000Z',
      to: '2030-01-02T03:01:00.000Z',
      rows: 2,
    });

    const auditor = await signIn(server.url, 'auditor', DEMO_PASSWORD);
    const manifest = await auditor.trpc.audit.exportManifest.query({ exportId });
    expect(manifest).toMatchObject({
      format: 'ndjson',
      count: 2,
      bytes: body.length,
      sha256: sha256(body),
      first: { seq: lines[0].seq, hash: lines[0].hash },
      last: { seq: lines[1].seq, hash: lines[1].hash },
      range: { from: '2030-01-01T00:00:00.000Z', to: '2030-01-02T03:01:00.000Z' },
    });
    const completed = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'audit.export_completed')
      .where('target_id', '=', String(exportId))
      .executeTakeFirstOrThrow();
    expect(completed).toMatchObject({ target_type: 'export', actor_id: String(auditorId) });
    // The export's own events extend the chain like any other.
    expect(await verifyChain(server.db)).toMatchObject({ ok: true });
  });

  it('exports decisions as DSA statements of reasons, leaving out those that restrict nothing', async () => {
    // The demo month has decisions of its own; the range keeps to this test's (made in 2030).
    const res = await download(
      `format=dsa&from=${encodeURIComponent('2030-01-01T00:00:00Z')}&to=${encodeURIComponent('2030-01-03T00:00:00Z')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get(EXPORT_HEADERS.rows)).toBe('3');
    const statements = (await res.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      puid: 'verdict-case-501-20300102T030000000Z',
      category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      source_type: 'SOURCE_ARTICLE_16',
      application_date: '2030-01-02',
    });
    const auditor = await signIn(server.url, 'auditor', DEMO_PASSWORD);
    const manifest = await auditor.trpc.audit.exportManifest.query({
      exportId: Number(res.headers.get(EXPORT_HEADERS.id)),
    });
    expect(manifest).toMatchObject({ format: 'dsa', count: 1, skipped: 2 });
  });

  it('answers a bad format or range with 400', async () => {
    expect((await download('format=xml')).status).toBe(400);
    expect((await download('format=csv&from=yesterday')).status).toBe(400);
    expect((await download('format=csv&from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z')).status).toBe(400);
  });
});

describe.each(BACKENDS)('audit export from the CLI on %s', (backend) => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const handle = openDatabase(database.url);
    try {
      await migrateToLatest(handle.db);
      await appendEvents(handle.db, 12);
      await recordAwkwardEvents(handle.db);
      await recordDecisions(handle.db);
    } finally {
      await handle.close();
    }
    dir = mkdtempSync(join(tmpdir(), 'verdict-export-'));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const desk = (args: string[]) =>
    runDesk(['audit', 'export', ...args], { env: { DATABASE_URL: database.url, DESK_AUDIT_ANCHOR_FILE: 'off' } });

  it('writes the file and a manifest that describes it exactly', async () => {
    const out = join(dir, 'trail.csv');
    const run = await desk(['--format', 'csv', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^exported 16 rows to .*trail\.csv \(sha256 [0-9a-f]{64}\)/);
    const bytes = readFileSync(out);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'));
    const [, ...records] = parseCsv(bytes.toString('utf8'));
    expect(manifest).toEqual({
      file: 'trail.csv',
      format: 'csv',
      range: { from: null, to: null, throughSeq: 16 },
      count: 16,
      skipped: 0,
      first: { seq: 1, hash: records[0]?.[13] },
      last: { seq: 16, hash: records[15]?.[13] },
      sha256: sha256(bytes),
      bytes: bytes.length,
      exportedAt: expect.any(String),
      exportId: 17,
    });
    expect(records).toHaveLength(16);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('writes the CSV for Excel too, with its BOM and manifest', async () => {
    const out = join(dir, 'trail.excel.csv');
    const run = await desk(['--format', 'csv-excel', '--out', out]);
    expect(run.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const [header, ...records] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header?.slice(0, 3)).toEqual(['seq', 'at (UTC)', 'at_platform (UTC+8)']);
    expect(records.some((r) => r[10]?.includes('逗号'))).toBe(true);
    expect(JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'))).toMatchObject({
      format: 'csv-excel',
      count: records.length,
      sha256: sha256(bytes),
    });
  });

  it('records the CLI export as the system, naming the operator, and exports a range of decisions', async () => {
    const out = join(dir, 'sor.ndjson');
    const run = await desk(['--format', 'dsa', '--out', out, '--from', '2030-01-02T00:00:00Z']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({
      format: 'dsa',
      count: 1,
      skipped: 2,
      range: { from: '2030-01-02T00:00:00.000Z' },
    });
    const handle = openDatabase(database.url);
    try {
      const event = await handle.db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '=', manifest.exportId)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ action: 'audit.exported', actor_type: 'system', user_agent: 'desk-cli' });
      expect(JSON.parse(event.data ?? '')).toMatchObject({ format: 'dsa', operator: expect.any(String) });
    } finally {
      await handle.close();
    }
  });

  it('fails with one line on bad arguments and leaves no file behind', async () => {
    const out = join(dir, 'bad.csv');
    for (const args of [
      ['--format', 'xml', '--out', out],
      ['--format', 'csv'],
      ['--format', 'csv', '--out', out, '--from', 'soon'],
    ]) {
      const run = await desk(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import type { DatabaseHandle } from '../../server/db/connect';
import { openDatabase } from '../../server/db/connect';
import { startServer } from '../../server/server';
import { createApiClient } from '../support/apiClient';
import { reportInput } from '../support/factories';
import { runDesk } from '../support/runDesk';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('bulk import and tokens from the CLI on %s', (backend) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let dir: string;
  const env = () => ({ DATABASE_URL: database.url });

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    dir = mkdtempSync(join(tmpdir(), 'verdict-import-'));
    await runDesk(['migrate'], { env: env() });
    handle = openDatabase(database.url);
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, lines: unknown[]) => {
    const file = join(dir, name);
    writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    return file;
  };
  const count = async (table: 'cases' | 'reports') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports nothing when any line is bad, and names every bad line', async () => {
    const file = write('bad.ndjson', [
      reportInput({ externalId: 'imp-1' }),
      '{"externalId": "imp-2", oops',
      reportInput({ externalId: 'imp-3', source: 'rumour' }),
      '',
      reportInput({ externalId: 'imp-5', subject: { id: 'M-1', kind: 'alien' } }),
    ]);
    const run = await runDesk(['import', file], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line 2: not valid JSON');
    expect(run.stdout).toMatch(/line 3: source: /);
    expect(run.stdout).toMatch(/line 5: subject\.kind: /);
    expect(run.stderr.trim()).toBe('desk: 3 of 5 lines are invalid; nothing was imported');
    expect(await count('reports')).toBe(0);
  });

  it('refuses a lone surrogate or U+0000 on its line, as reports.submit does, and imports nothing', async () => {
    const file = write('hostile.ndjson', [
      reportInput({ externalId: 'imp-h1' }),
      reportInput({ externalId: 'imp-h2', summary: '刷单\ud800证据' }),
      reportInput({ externalId: 'imp-h3', summary: '刷单\u0000证据' }),
    ]);
    const run = await runDesk(['import', file], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/line 2: summary: text must be well-formed/);
    expect(run.stdout).toMatch(/line 3: summary: text must be well-formed/);
    expect(run.stderr.trim()).toBe('desk: 2 of 3 lines are invalid; nothing was imported');
    expect(await count('reports')).toBe(0);
  });

  it('imports a file in one go with a progress bar, merging and de-duplicating like reports.submit', async () => {
    const lines = [
      ...Array.from({ length: 250 }, (_, i) =>
        reportInput({ externalId: `bulk-${i}`, subject: { id: `M-${i % 200}`, kind: 'merchant' } }),
      ),
      reportInput({ externalId: 'bulk-0', subject: { id: 'M-0', kind: 'merchant' } }),
    ];
    const run = await runDesk(['import', write('good.ndjson', lines)], { env: env() });
    expect(run.stderr).toContain('importing');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/imported 251 reports: 200 new cases, 50 merged, 1 already known \(batch [\w-]+\)/);
    expect(await count('cases')).toBe(200);
    expect(await count('reports')).toBe(250);
    const batch = /batch ([\w-]+)/.exec(run.stdout)?.[1];
    const batched = await handle.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('batch_id', '=', batch ?? '')
      .executeTakeFirstOrThrow();
    expect(Number(batched.n)).toBe(251); // 250 intake events and the import itself
  });

  it('creates an integration token once, which then files reports over HTTP', async () => {
    const run = await runDesk(['token', 'add', 'risk-engine', '--scope', 'intake'], { env: env() });
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^vdt_[\w-]{30,}$/);
    const stored = await handle.db.selectFrom('integration_tokens').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    // The token works against a server on the same database.
    const server = await startServer(
      loadConfig({ PORT: '0', DATABASE_URL: database.url, DESK_DEMO: '0', LOG_LEVEL: 'silent' }),
      { logger: pino({ level: 'silent' }) },
    );
    try {
      const client = createApiClient(server.url, { authorization: `Bearer ${token}` });
      const filed = await client.trpc.reports.submit.mutate(reportInput({ externalId: 'via-token' }));
      expect(filed.caseId).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
    const again = await runDesk(['token', 'add', 'risk-engine', '--scope', 'intake'], { env: env() });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/a token named risk-engine exists/);
    const bad = await runDesk(['token', 'add', 'other', '--scope', 'everything'], { env: env() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/scopes must be some of intake, appeals, enforcement/);
  });
});

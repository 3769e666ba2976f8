import http from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { type RunningServer, startServer } from '../../server/server';
import { createApiClient } from '../support/apiClient';
import { pngBytes } from '../support/evidenceFiles';
import { createIntegrationToken, reportInput } from '../support/factories';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('slow and aborted uploads on %s', (backend) => {
  let database: TestDatabase;
  let server: RunningServer;
  let inspector: ReturnType<typeof openDatabase>;
  const logLines: { level: number; msg: string }[] = [];
  let token: string;
  let caseId: number;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      DESK_DEMO: '0',
      DESK_UPLOAD_IDLE_SECONDS: '1',
      DESK_UPLOAD_SECONDS: '4',
      DESK_UPLOADS_PER_CALLER: '3',
      DESK_OUTBOX_SCHEDULER_MS: '3600000',
    });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    server = await startServer(config, { logger: pino({ level: 'info' }, sink) });
    inspector = openDatabase(database.url);
    token = await createIntegrationToken(inspector.db, 'detector', ['intake']);
    const client = createApiClient(server.url, { authorization: `Bearer ${token}` });
    caseId = (await client.trpc.reports.submit.mutate(reportInput())).caseId;
  });
  afterAll(async () => {
    await server.close();
    await inspector.close();
    await database.drop();
  });

  /** Starts an upload that declares `length` bytes and sends only `sent` of them. */
  function partialUpload(length: number, sent: number) {
    const url = new URL(`${server.url}/api/cases/${caseId}/evidence`);
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(length),
      },
    });
    const response = new Promise<number>((resolve) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
    });
    req.write(Buffer.alloc(sent, 1));
    return { req, response };
  }

  const upload = () =>
    fetch(`${server.url}/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(pngBytes(3, 3, [Math.floor(Math.random() * 255), 9, 9])),
    });

  it('answers a body that stalls with 408 instead of waiting for it', async () => {
    const started = Date.now();
    const { response } = partialUpload(10_000, 100);
    expect(await response).toBe(408);
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  it('lets one caller run 3 uploads at once; a 4th gets 429 until one ends', async () => {
    const slow = [partialUpload(10_000, 10), partialUpload(10_000, 10), partialUpload(10_000, 10)];
    await new Promise((r) => setTimeout(r, 200));
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as any).error.code).toBe('TOO_MANY_REQUESTS');
    expect(await Promise.all(slow.map((s) => s.response))).toEqual([408, 408, 408]);
    expect((await upload()).status).toBe(201);
  });

  it('logs an upload the client aborted at info level, not as an error', async () => {
    logLines.length = 0;
    const { req } = partialUpload(10_000, 100);
    await new Promise((r) => setTimeout(r, 200));
    req.destroy();
    await new Promise((r) => setTimeout(r, 500));
    expect(logLines.filter((l) => l.level >= 50)).toEqual([]);
    expect(logLines.some((l) => l.level === 30 && l.msg === 'evidence upload aborted by client')).toBe(true);
    // And the server takes the next upload as usual.
    expect((await upload()).status).toBe(201);
  });
});

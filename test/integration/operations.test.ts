import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signIn } from '../support/apiClient';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

/** A GET over plain node:http, so the body arrives exactly as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

/** `name{a="b",…} value` lines of the Prometheus text format, as [name, labels, value]. */
function samples(text: string) {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
      return { name: m[1] as string, labels: labels as Record<string, string>, value: Number(m[3]) };
    });
}
function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return samples(text).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}

// The operator's surface outside tRPC: compressed assets, health, readiness, Prometheus metrics.
describe.each(BACKENDS)('operations on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {
      env: { DESK_METRICS_TOKEN: METRICS_TOKEN, DESK_AUDIT_VERIFY_SECONDS: '0.2' },
    });
  });
  afterAll(() => server.stop());

  it('serves the main script as brotli, gzip or identity by Accept-Encoding, all the same bytes, cached for a year', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const main = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(main).toBeDefined();
    const url = `${server.url}${main}`;
    const [br, gzip, identity] = await Promise.all([
      rawGet(url, { 'accept-encoding': 'gzip, deflate, br' }),
      rawGet(url, { 'accept-encoding': 'gzip' }),
      rawGet(url, {}),
    ]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const res of [br, gzip, identity]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    }
    expect(br.body.length).toBeLessThan(gzip.body.length);
    expect(gzip.body.length).toBeLessThan(identity.body.length);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    // A refused encoding is not sent: `br;q=0` leaves gzip.
    const noBrotli = await rawGet(url, { 'accept-encoding': 'br;q=0, gzip' });
    expect(noBrotli.headers['content-encoding']).toBe('gzip');
  });

  it('is alive without the database, and ready only when every migration is applied', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ok: true });
    const last = await server.db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .orderBy(sql`name`, 'desc')
      .executeTakeFirstOrThrow();
    const { name } = last as { name: string };
    await sql`DELETE FROM kysely_migration WHERE name = ${name}`.execute(server.db);
    try {
      const unready = await fetch(`${server.url}/readyz`);
      expect(unready.status).toBe(503);
      expect(await unready.json()).toEqual({ ok: false, failing: 'migrations', pending: [name] });
    } finally {
      await server.db
        .insertInto('kysely_migration' as never)
        .values(last as never)
        .execute();
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('asks for the metrics token when one is set', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('reports queue depth, breaches, claims, decisions, the audit chain and per-procedure latency after a known day', async () => {
    const staff = await createStaff(server.db, [
      { username: 'metrics.rev', role: 'reviewer' },
      { username: 'metrics.rev2', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'ops', { routeRules: [], members: [...staff.values()] });
    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'metrics-intake', ['intake'])}`,
    });
    const caseIds: number[] = [];
    for (const id of ['M-OPS-1', 'M-OPS-2', 'M-OPS-3'])
      caseIds.push(
        (await intake.trpc.reports.submit.mutate(reportInput({ subject: { id, kind: 'merchant' } }))).caseId,
      );
    const rev = await signIn(server.url, 'metrics.rev', TEST_PASSWORD);
    const rev2 = await signIn(server.url, 'metrics.rev2', TEST_PASSWORD);
    const first = await rev.trpc.queue.next.mutate({});
    await rev2.trpc.queue.next.mutate({});
    const c = await rev.trpc.cases.get.query({ id: first?.caseId as number });
    await rev.trpc.cases.decide.mutate({ id: c.id, version: c.version, decision: 'dismiss', reason: '证据不足，驳回' });
    // One of the two still open is a day past its SLA deadline.
    const stillOpen = caseIds.find((id) => id !== c.id) as number;
    await server.db
      .updateTable('cases')
      .set({ sla_due_at: new Date(Date.now() - 86_400_000).toISOString() })
      .where('id', '=', stillOpen)
      .execute();

    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const s of samples(text)) expect(s.name).toMatch(/^verdict_/);

    const open = samples(text).filter((s) => s.name === 'verdict_open_cases' && s.labels.queue === 'ops');
    // Three reports, one decided: the other two, by status, as the database holds them.
    const byStatus = await server.db
      .selectFrom('cases')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('queue', '=', 'ops')
      .where('is_open', '=', 1)
      .groupBy('status')
      .execute();
    expect(Object.fromEntries(open.map((s) => [s.labels.status, s.value]))).toEqual(
      Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    );
    expect(open.reduce((sum, s) => sum + s.value, 0)).toBe(2);
    expect(sampleValue(text, 'verdict_sla_breached_cases', { queue: 'ops' })).toBe(1);
    expect(sampleValue(text, 'verdict_claims_total')).toBe(2);
    expect(sampleValue(text, 'verdict_decisions', { outcome: 'dismiss', status: 'effective' })).toBe(1);
    expect(sampleValue(text, 'verdict_outbox_pending')).toBe(0);
    expect(sampleValue(text, 'verdict_outbox_dead')).toBe(0);
    const head = await server.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    expect(sampleValue(text, 'verdict_audit_chain_length')).toBe(Number(head.seq));
    expect(
      sampleValue(text, 'verdict_http_request_duration_seconds_count', { procedure: 'reports.submit', status: '200' }),
    ).toBe(3);
    expect(
      sampleValue(text, 'verdict_http_request_duration_seconds_count', { procedure: 'queue.next', status: '200' }),
    ).toBe(2);
    expect(
      sampleValue(text, 'verdict_http_request_duration_seconds_count', { procedure: 'cases.decide', status: '200' }),
    ).toBe(1);
  });

  it('names no procedure a caller made up, and reports the last verification of the audit monitor', async () => {
    await fetch(`${server.url}/trpc/no.such.procedure%7Bx%7D`);
    let text = '';
    for (let tries = 0; tries < 100; tries++) {
      text = await (
        await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      if (sampleValue(text, 'verdict_audit_last_verification_ok') !== undefined) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(text).not.toMatch(/no\.such/);
    expect(sampleValue(text, 'verdict_http_request_duration_seconds_count', { procedure: 'unknown' })).toBe(1);
    expect(sampleValue(text, 'verdict_audit_last_verification_ok')).toBe(1);
    expect(sampleValue(text, 'verdict_audit_last_verification_timestamp_seconds')).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
  });
});

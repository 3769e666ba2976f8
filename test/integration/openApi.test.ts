import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../server/trpc/appRouter';
import type { ProcedureMeta } from '../../server/trpc/trpc';
import { OUTBOX_EVENT_TYPES } from '../../shared/api/outbox';
import { WEBHOOK_PAYLOADS } from '../../shared/api/webhookPayloads';
import { localDate } from '../../shared/rulebook/time';
import { createApiClient, signIn } from '../support/apiClient';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** What the router opens to integration tokens, read here on its own: a new one without docs fails below. */
function tokenProceduresOfRouter() {
  return Object.entries(
    appRouter._def.procedures as unknown as Record<string, { _def: { type: string; meta?: ProcedureMeta } }>,
  )
    .filter(([, p]) => p._def.meta?.tokenScope)
    .map(([path, p]) => ({ path, type: p._def.type, scope: p._def.meta?.tokenScope as string }));
}

type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { security?: unknown[]; tags?: string[]; parameters?: { name: string; in: string }[] }>
  >;
  webhooks: Record<string, unknown>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme: string }> };
};

// The integration reference is generated from the router's zod schemas; the demo month gives real webhook messages.
describe('the OpenAPI document and webhook schemas', () => {
  let server: TestServer;
  let doc: OpenApi;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { demo: true });
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await res.json()) as OpenApi;
  });
  afterAll(() => server.stop());

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents every procedure open to tokens, as tRPC carries it, with bearer auth', () => {
    const procedures = tokenProceduresOfRouter();
    expect(procedures.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'reports.submit',
        'alerts.submit',
        'appeals.submit',
        'appeals.status',
        'enforcement.changes',
      ]),
    );
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const p of procedures) {
      const item = doc.paths[`/trpc/${p.path}`];
      const operation = p.type === 'mutation' ? item?.post : item?.get;
      expect(operation, p.path).toBeDefined();
      expect(operation?.security).toEqual([{ bearerToken: [] }]);
      expect(operation?.tags).toEqual([p.scope]);
      if (p.type === 'query')
        expect(operation?.parameters).toEqual([expect.objectContaining({ name: 'input', in: 'query' })]);
      expect(doc.components.schemas[`${p.path}.input`]).toBeDefined();
      expect(doc.components.schemas[`${p.path}.output`]).toBeDefined();
    }
    // Nothing else: staff-only procedures are not part of the integration reference.
    expect(Object.keys(doc.paths).sort()).toEqual(procedures.map((p) => `/trpc/${p.path}`).sort());
  });

  it('describes the wire format a query really uses (GET with ?input=)', async () => {
    const token = await createIntegrationToken(server.db, 'openapi', ['appeals']);
    const input = encodeURIComponent(JSON.stringify({ caseId: 999_999 }));
    const res = await fetch(`${server.url}/trpc/appeals.status?input=${input}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { error?: { data: { code: string; httpStatus: number } } };
    expect(body.error?.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: res.status });
  });

  it('publishes a JSON Schema per webhook type that real messages satisfy', async () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...OUTBOX_EVENT_TYPES].sort());
    for (const type of OUTBOX_EVENT_TYPES) {
      const res = await fetch(`${server.url}/api/schemas/${type}.json`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
      });
      expect(doc.components.schemas[`Webhook.${type}`]).toBeDefined();
    }
    for (const name of ['nope', '__proto__', 'constructor'])
      expect((await fetch(`${server.url}/api/schemas/${name}.json`)).status).toBe(404);
    await upheldAppeal();
    await publishedRulebook();
    // Every message the demo month wrote, as a receiver gets it (with its sequence), fits its type's schema.
    const messages = await server.db.selectFrom('outbox_messages').select(['id', 'type', 'payload']).execute();
    const seen = new Set<string>();
    for (const m of messages) {
      const parsed = WEBHOOK_PAYLOADS[m.type].safeParse({ ...JSON.parse(m.payload), sequence: m.id });
      expect(parsed.error?.issues, `${m.type} #${m.id}`).toBeUndefined();
      seen.add(m.type);
    }
    expect([...seen].sort()).toEqual([...OUTBOX_EVENT_TYPES].sort());
  });

  /** The demo month publishes no rulebook: two admins publish a Kuaishou version for tomorrow (`rulebook.published`). */
  async function publishedRulebook() {
    await createStaff(server.db, [
      { username: 'oa.adm1', role: 'admin' },
      { username: 'oa.adm2', role: 'admin' },
    ]);
    const [first, second] = [
      await signIn(server.url, 'oa.adm1', TEST_PASSWORD),
      await signIn(server.url, 'oa.adm2', TEST_PASSWORD),
    ];
    const draft = await first.trpc.rulebook.drafts.create.mutate({ platform: 'kuaishou' });
    const { rulebook } = await first.trpc.rulebook.drafts.get.query({ id: draft.id });
    await first.trpc.rulebook.drafts.update.mutate({
      id: draft.id,
      version: draft.version,
      rulebook: { ...rulebook, appeals: { ...rulebook.appeals, defaultDays: rulebook.appeals.defaultDays + 1 } },
    });
    const tomorrow = localDate(Date.now() + 86_400_000, rulebook.utcOffsetMinutes);
    await first.trpc.rulebook.drafts.publish.mutate({ id: draft.id, effectiveFrom: tomorrow });
    await second.trpc.rulebook.drafts.approve.mutate({ id: draft.id });
  }

  /** The demo month lifts nothing on appeal: one upheld appeal adds `measure.lifted` and `appeal.decided`. */
  async function upheldAppeal() {
    const staff = await createStaff(server.db, [
      { username: 'oa.rev', role: 'reviewer' },
      { username: 'oa.senior', role: 'senior_reviewer' },
      { username: 'oa.officer', role: 'appeals_officer' },
    ]);
    await createQueue(server.db, 'oa', { members: [...staff.values()] });
    const bearer = async (scope: string) =>
      createApiClient(server.url, {
        authorization: `Bearer ${await createIntegrationToken(server.db, `oa-${scope}`, [scope])}`,
      });
    const intake = await bearer('intake');
    const rule = 'member-rights-abuse' as const;
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({ rule, subject: { id: 'M-OA-1', kind: 'merchant' } }),
    );
    // Whatever the demo's routing made of it, it waits in this test's own queue.
    await server.db.updateTable('cases').set({ queue: 'oa', status: 'triaged' }).where('id', '=', caseId).execute();
    const rev = await signIn(server.url, 'oa.rev', TEST_PASSWORD);
    expect(await rev.trpc.queue.next.mutate({ queue: 'oa' })).toEqual({ caseId });
    const c = await rev.trpc.cases.get.query({ id: caseId });
    const decided = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { points: 6, measures: ['identity-verification'] },
      reason: '依规处理',
    });
    if (decided.requiresApproval)
      await (await signIn(server.url, 'oa.senior', TEST_PASSWORD)).trpc.approvals.approve.mutate({
        decisionId: decided.decisionId,
      });
    const { appealId } = await (await bearer('appeals')).trpc.appeals.submit.mutate({
      caseId,
      statement: '申请撤销处罚',
    });
    const officer = await signIn(server.url, 'oa.officer', TEST_PASSWORD);
    await officer.trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: '证据不足，撤销处罚' });
  }
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRawEvent } from '../../server/audit/recordEvent';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createApiClient, signIn } from '../support/apiClient';
import { dropAuditGuards } from '../support/auditRows';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('the audit trail over tRPC on %s', (backend) => {
  let server: TestServer;
  let auditor: Awaited<ReturnType<typeof signIn>>;
  let reviewerId: number;
  let subjectId: string;
  let caseId: number;

  const record = (
    actor: { type: 'user' | 'system'; id: string | null },
    action: string,
    target: { type: string; id: string | number } | undefined,
    at: string,
    batchId?: string,
  ) =>
    server.db
      .transaction()
      .execute((trx) =>
        recordRawEvent(
          trx,
          { actor, batchId },
          { action, target, data: { before: { status: 'new' }, after: { status: 'triaged' } } },
          new Date(at),
        ),
      );

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: true });
    const anonymous = createApiClient(server.url);
    await anonymous.trpc.auth.login.mutate({ username: 'reviewer', password: 'not-the-password' }).catch(() => null);
    reviewerId = (
      await server.db.selectFrom('users').select('id').where('username', '=', 'reviewer').executeTakeFirstOrThrow()
    ).id;
    const someCase = await server.db
      .selectFrom('cases')
      .select(['id', 'subject_id'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    caseId = someCase.id;
    subjectId = someCase.subject_id;
    const reviewer = { type: 'user' as const, id: String(reviewerId) };
    await record(reviewer, 'case.triaged', { type: 'case', id: caseId }, '2031-05-01T01:00:00Z', 'batch-42');
    await record(reviewer, 'case.triaged', { type: 'case', id: caseId + 1 }, '2031-05-01T02:00:00Z', 'batch-42');
    await record(
      { type: 'system', id: null },
      'subject.flagged',
      { type: 'subject', id: subjectId },
      '2031-05-02T01:00:00Z',
    );
    for (let i = 0; i < 12; i++)
      await record(
        reviewer,
        'test.bulk',
        { type: 'case', id: 9000 + i },
        `2031-06-01T00:${String(i).padStart(2, '0')}:00Z`,
      );
    auditor = await signIn(server.url, 'auditor', DEMO_PASSWORD);
  });
  afterAll(() => server.stop());

  it('pages the whole trail newest first on sequence numbers, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let total = 0;
    // Bounded well above the demo trail (cases, decisions and their QA history) in pages of 7.
    for (let guard = 0; guard < 400; guard++) {
      const page = await auditor.trpc.audit.list.query({ limit: 7, cursor });
      total = page.total;
      seen.push(...page.items.map((e) => e.seq));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.length).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by action, actor, batch and date range, on the server', async () => {
    const byAction = await auditor.trpc.audit.list.query({ action: 'test.bulk', limit: 5 });
    expect(byAction.total).toBe(12);
    expect(byAction.items.every((e) => e.action === 'test.bulk')).toBe(true);

    const byActor = await auditor.trpc.audit.list.query({ actor: `user:${reviewerId}`, limit: 200 });
    expect(byActor.items.every((e) => e.actor.key === `user:${reviewerId}`)).toBe(true);
    expect(byActor.items[0]?.actor.name).toBe('审核员 李明');
    // The failed sign-in is the reviewer's own event.
    expect(byActor.items.map((e) => e.action)).toContain('auth.login_failed');

    const byBatch = await auditor.trpc.audit.list.query({ batchId: 'batch-42' });
    expect(byBatch.items.map((e) => e.target?.id)).toEqual([String(caseId + 1), String(caseId)]);

    const byRange = await auditor.trpc.audit.list.query({
      action: 'test.bulk',
      from: '2031-06-01T08:03:00+08:00',
      to: '2031-06-01T08:06:00+08:00',
    });
    expect(byRange.items.map((e) => e.at)).toEqual([
      '2031-06-01T00:05:00.000Z',
      '2031-06-01T00:04:00.000Z',
      '2031-06-01T00:03:00.000Z',
    ]);
  });

  it("filters by case, and by subject including its cases' events", async () => {
    const byCase = await auditor.trpc.audit.list.query({ targetType: 'case', targetId: String(caseId) });
    expect(byCase.items.map((e) => e.action)).toContain('case.triaged');
    expect(byCase.items.every((e) => e.target?.type === 'case' && e.target.id === String(caseId))).toBe(true);

    const bySubject = await auditor.trpc.audit.list.query({ targetType: 'subject', targetId: subjectId });
    const targets = bySubject.items.map((e) => `${e.target?.type}:${e.target?.id}`);
    expect(targets).toContain(`subject:${subjectId}`);
    expect(targets).toContain(`case:${caseId}`);
    expect(targets).not.toContain('case:9000');
  });

  it('returns the stored before/after, parsed', async () => {
    const [event] = (await auditor.trpc.audit.list.query({ action: 'subject.flagged' })).items;
    expect(event?.data).toEqual({ before: { status: 'new' }, after: { status: 'triaged' } });
    expect(event?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('offers the actions, actors and target types that occur, for the filters', async () => {
    const facets = await auditor.trpc.audit.facets.query();
    expect(facets.actions).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'test.bulk', 'demo.seeded']),
    );
    expect(facets.actions).toEqual([...facets.actions].sort());
    expect(facets.targetTypes).toEqual(expect.arrayContaining(['case', 'subject', 'user']));
    expect(facets.actors).toEqual(
      expect.arrayContaining([
        { key: `user:${reviewerId}`, name: '审核员 李明' },
        { key: 'system', name: 'system' },
      ]),
    );
  });

  it('answers a forged cursor with BAD_REQUEST naming the field', async () => {
    await expect(auditor.trpc.audit.list.query({ cursor: 'abc' })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', field: 'cursor' },
    });
  });

  // Last: it breaks the chain of this server's database.
  it('verifies the chain on request, naming the first bad row once it is broken', async () => {
    const ok = await auditor.trpc.audit.verify.query({});
    expect(ok).toMatchObject({ ok: true, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ok.firstBad).toBeUndefined();
    await dropAuditGuards(server.db);
    await sql`UPDATE audit_events SET action = 'case.erased' WHERE seq = 4`.execute(server.db);
    const broken = await auditor.trpc.audit.verify.query({});
    expect(broken).toMatchObject({ ok: false, firstBad: 4, reason: 'altered', count: 3 });
  });
});

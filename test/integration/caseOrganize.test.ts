import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import {
  createIntegrationToken,
  createQueue,
  createStaff,
  insertTriagedCases,
  reportInput,
  TEST_PASSWORD,
} from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('organizing cases on %s', (backend) => {
  let server: TestServer;
  let submit: (overrides?: Record<string, unknown>) => Promise<{ caseId: number; reportId: number; merged: boolean }>;

  beforeAll(async () => {
    server = await startTestServer(backend);
    await createStaff(server.db, [
      { username: 'tri', role: 'triager' },
      { username: 'rev', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], position: 1 });
    await createQueue(server.db, 'special');
    const token = await createIntegrationToken(server.db, 'intake', ['intake']);
    const client = createApiClient(server.url, { authorization: `Bearer ${token}` });
    submit = (overrides = {}) => client.trpc.reports.submit.mutate(reportInput(overrides));
  });
  afterAll(() => server.stop());

  it('splits a wrongly merged report, with its evidence, into a case of its own', async () => {
    const subject = { id: 'M-7001', kind: 'merchant' as const };
    const first = await submit({ subject });
    const wrong = await submit({
      subject,
      evidence: [{ kind: 'chat', title: '聊天记录', text: '买家：……' }],
      reporterId: 'U-9',
    });
    expect(wrong.merged).toBe(true);
    const tri = await signIn(server.url, 'tri', TEST_PASSWORD);
    const { caseId } = await tri.trpc.cases.splitReport.mutate({
      reportId: wrong.reportId,
      reason: '不同订单，误合并',
    });
    expect(caseId).not.toBe(first.caseId);
    const original = await tri.trpc.cases.get.query({ id: first.caseId });
    const split = await tri.trpc.cases.get.query({ id: caseId });
    expect(original.reports.map((r) => r.id)).toEqual([first.reportId]);
    expect(split.reports.map((r) => r.id)).toEqual([wrong.reportId]);
    expect(split.evidence.map((e) => e.title)).toEqual(['聊天记录']);
    expect(split).toMatchObject({ status: 'triaged', queue: 'general' });
    // The first report is what the case is: it cannot be split off.
    const err = await errorOf(tri.trpc.cases.splitReport.mutate({ reportId: first.reportId, reason: 'x' }));
    expect(err.data?.reason).toBe('first_report');
  });

  it('links related cases both ways, and unlinks them', async () => {
    const a = await submit({ subject: { id: 'M-7101', kind: 'merchant' } });
    const b = await submit({ subject: { id: 'M-7102', kind: 'merchant' }, rule: 'counterfeit' });
    const tri = await signIn(server.url, 'tri', TEST_PASSWORD);
    await tri.trpc.cases.link.mutate({ caseId: a.caseId, otherCaseId: b.caseId });
    expect((await tri.trpc.cases.get.query({ id: a.caseId })).links.map((l) => l.caseId)).toEqual([b.caseId]);
    expect((await tri.trpc.cases.get.query({ id: b.caseId })).links.map((l) => l.caseId)).toEqual([a.caseId]);
    await tri.trpc.cases.link.mutate({ caseId: b.caseId, otherCaseId: a.caseId, unlink: true });
    expect((await tri.trpc.cases.get.query({ id: a.caseId })).links).toEqual([]);
    expect((await errorOf(tri.trpc.cases.link.mutate({ caseId: a.caseId, otherCaseId: a.caseId }))).data?.reason).toBe(
      'self_link',
    );
  });

  it('routes a case to another queue by hand; reviewers may not', async () => {
    const a = await submit({ subject: { id: 'M-7201', kind: 'merchant' } });
    const tri = await signIn(server.url, 'tri', TEST_PASSWORD);
    await tri.trpc.cases.route.mutate({ caseId: a.caseId, queueId: 'special' });
    expect((await tri.trpc.cases.get.query({ id: a.caseId })).queue).toBe('special');
    const rev = await signIn(server.url, 'rev', TEST_PASSWORD);
    expect((await errorOf(rev.trpc.cases.route.mutate({ caseId: a.caseId, queueId: 'general' }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(tri.trpc.cases.route.mutate({ caseId: a.caseId, queueId: 'nope' }))).data?.field).toBe(
      'queueId',
    );
  });

  it('explains the triage score and forecasts the SLA on the case', async () => {
    const a = await submit({ subject: { id: 'M-7301', kind: 'merchant' }, rule: 'counterfeit' });
    const tri = await signIn(server.url, 'tri', TEST_PASSWORD);
    const detail = await tri.trpc.cases.get.query({ id: a.caseId });
    expect(detail.triage.factors.map((f) => f.factor)).toEqual([
      'severity',
      'source',
      'reporterCredibility',
      'subjectStanding',
      'reports',
      'age',
    ]);
    expect(detail.triage.score).toBe(detail.triage.factors.reduce((s, f) => s + f.points, 0));
    // Nothing has closed in this queue: no pace, so the forecast is unknown and the case at risk.
    expect(detail.sla).toMatchObject({ state: 'at_risk', forecastAt: null });
    expect(detail.sla.ahead).toBeGreaterThanOrEqual(0);
    expect(detail.allowedEvents).toContain('claim');
  });

  it('stops counting at 10,000 and says so, while paging on by cursor', async () => {
    await insertTriagedCases(server.db, 'bulk', 10_050);
    const tri = await signIn(server.url, 'tri', TEST_PASSWORD);
    const page = await tri.trpc.cases.list.query({ queue: 'bulk', limit: 10 });
    expect(page).toMatchObject({ total: 10_000, totalCapped: true });
    expect(page.nextCursor).not.toBeNull();
    const small = await tri.trpc.cases.list.query({ queue: 'special' });
    expect(small.totalCapped).toBe(false);
  });

  it('filters, sorts and keyset-pages the queue on the server', async () => {
    const tri = await signIn(server.url, 'tri', TEST_PASSWORD);
    for (let i = 0; i < 7; i++)
      await submit({ subject: { id: `B-80${i}`, kind: 'buyer' }, rule: 'member-rights-abuse' });
    const buyers = await tri.trpc.cases.list.query({ subjectKind: 'buyer', sort: 'createdAt', limit: 3 });
    expect(buyers.total).toBe(7);
    const seen = [...buyers.items];
    let cursor = buyers.nextCursor;
    while (cursor) {
      const page = await tri.trpc.cases.list.query({ subjectKind: 'buyer', sort: 'createdAt', limit: 3, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((c) => c.id)).toEqual([...seen.map((c) => c.id)].sort((x, y) => y - x));
    expect(new Set(seen.map((c) => c.id)).size).toBe(7);
    // A cursor made for one sort is refused for another.
    const err = await errorOf(
      tri.trpc.cases.list.query({ subjectKind: 'buyer', sort: 'slaDueAt', cursor: buyers.nextCursor ?? '' }),
    );
    expect(err.data?.field).toBe('cursor');
    const bySla = await tri.trpc.cases.list.query({ subjectKind: 'buyer', sort: 'slaDueAt', limit: 10 });
    const dues = bySla.items.map((c) => c.slaDueAt ?? '');
    expect(dues).toEqual([...dues].sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('decisions on %s', (backend) => {
  let server: TestServer;
  let file: (overrides?: Record<string, unknown>) => Promise<{ caseId: number }>;
  const as = (u: string) => signIn(server.url, u, TEST_PASSWORD);
  let subjectSeq = 0;
  const subject = () => ({ id: `M-D${++subjectSeq}`, kind: 'merchant' as const, name: '测试店铺' });

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'rev2', role: 'reviewer' },
      { username: 'senior', role: 'senior_reviewer' },
      { username: 'senior2', role: 'senior_reviewer' },
      { username: 'aud', role: 'auditor' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    const token = await createIntegrationToken(server.db, 'intake', ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    file = (overrides = {}) => intake.trpc.reports.submit.mutate(reportInput({ subject: subject(), ...overrides }));
  });
  afterAll(() => server.stop());

  async function claimAndGet(client: Awaited<ReturnType<typeof as>>, caseId: number) {
    // Pull from the queue until this case comes up (others may be ahead of it).
    await server.db
      .updateTable('cases')
      .set({ assignee_id: null, status: 'triaged' })
      .where('id', '=', caseId)
      .execute();
    await server.db
      .updateTable('cases')
      .set({ rank: 10 ** 12 })
      .where('id', '=', caseId)
      .execute();
    const next = await client.trpc.queue.next.mutate({});
    expect(next?.caseId).toBe(caseId);
    return client.trpc.cases.get.query({ id: caseId });
  }

  it('applies a fake-transaction finding: 12 general points, 30-day demotion, a notice, and the appeal window', async () => {
    const { caseId } = await file({ rule: 'fake-transaction', reporterId: 'U-good' });
    const rev = await as('rev');
    const c = await claimAndGet(rev, caseId);
    const facts = { transactions: 120, items: ['item-9'] };
    const preview = await rev.trpc.cases.preview.query({ caseId, facts });
    expect(preview).toMatchObject({ ledger: 'general', points: 12, approvalReasons: [] });
    expect(preview.demotions[0]).toMatchObject({ item: 'item-9', days: 30 });
    expect(preview.punishments.map((p) => p.node)).toEqual([12]);

    const result = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts,
      reason: '证据确凿',
    });
    expect(result).toMatchObject({ status: 'appeal_window', requiresApproval: false });
    const standing = (await rev.trpc.accounts.standing.query({ subjectId: c.subject.id })) as {
      points: Record<string, number>;
      demotions: { item: string; days: number }[];
    };
    expect(standing.points.general).toBe(12);
    expect(standing.demotions).toEqual([expect.objectContaining({ item: 'item-9', days: 30 })]);

    const history = await rev.trpc.cases.history.query({ id: caseId });
    const notice = history.notices[0];
    expect(notice?.bodyZh).toContain('虚假交易');
    expect(notice?.bodyZh).toContain('12 分');
    expect(notice?.bodyEn).toContain('Fake transactions');
    expect(notice?.bodyEn).toMatch(/appeal .* before/);
    // Fake transactions: 3 days to appeal from the notice (《淘宝虚假交易认定与处罚细则》).
    expect(new Date(notice?.appealUntil ?? 0).getTime() - new Date(notice?.createdAt ?? 0).getTime()).toBe(
      3 * 86_400_000,
    );
    expect(history.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.created', 'case.claimed', 'case.decided']),
    );
    const decided = history.timeline.find((e) => e.action === 'case.decided')?.data as Record<string, unknown>;
    expect(decided).toMatchObject({
      decision: 'apply',
      rule: 'fake-transaction',
      points: 12,
      automatedDecision: false,
    });
    const reporter = await server.db
      .selectFrom('reporters')
      .selectAll()
      .where('id', '=', 'U-good')
      .executeTakeFirstOrThrow();
    expect(reporter.upheld).toBe(1);
  });

  it('sends a sealing decision through four-eyes: the author cannot approve it, a second senior can', async () => {
    const { caseId } = await file({ rule: 'improper-registration' });
    const rev = await as('rev');
    const c = await claimAndGet(rev, caseId);
    const submitted = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { accounts: 36 },
      reason: '批量注册',
    });
    expect(submitted.requiresApproval).toBe(true);
    expect(submitted.approvalReasons).toEqual(expect.arrayContaining(['serious-points', 'seals']));
    expect(submitted.status).toBe('pending_approval');
    // Nothing took effect yet.
    expect((await rev.trpc.accounts.standing.query({ subjectId: c.subject.id })).sealed).toBe(false);

    expect((await errorOf(rev.trpc.approvals.approve.mutate({ decisionId: submitted.decisionId }))).data?.code).toBe(
      'FORBIDDEN',
    );
    const senior = await as('senior');
    const pending = await senior.trpc.approvals.list.query();
    expect(pending.map((p) => p.decisionId)).toContain(submitted.decisionId);
    const approved = await senior.trpc.approvals.approve.mutate({ decisionId: submitted.decisionId, note: '同意' });
    expect(approved.status).toBe('appeal_window');
    const standing = (await senior.trpc.accounts.standing.query({ subjectId: c.subject.id })) as {
      sealed: boolean;
      points: Record<string, number>;
    };
    expect(standing).toMatchObject({ sealed: true, points: { serious: 48 } });
    expect(
      (await errorOf(senior.trpc.approvals.approve.mutate({ decisionId: submitted.decisionId }))).data?.reason,
    ).toBe('decision_not_pending');
  });

  it('a senior who decided cannot approve their own decision; sending back returns the case to its author', async () => {
    const { caseId } = await file({ rule: 'unauthorized-product' });
    const senior = await as('senior');
    const c = await claimAndGet(senior, caseId);
    const submitted = await senior.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { admission: 'seller', serious: true },
      reason: '未取得准入资质',
    });
    expect(submitted.requiresApproval).toBe(true);
    const own = await errorOf(senior.trpc.approvals.approve.mutate({ decisionId: submitted.decisionId }));
    expect(own.data?.reason).toBe('four_eyes_same_person');
    const other = await as('senior2');
    expect(
      (await errorOf(other.trpc.approvals.sendBack.mutate({ decisionId: submitted.decisionId }))).data?.field,
    ).toBe('note');
    await other.trpc.approvals.sendBack.mutate({ decisionId: submitted.decisionId, note: '请补充准入材料核查结果' });
    const back = await senior.trpc.cases.get.query({ id: caseId });
    expect(back).toMatchObject({ status: 'assigned', assignee: { name: 'senior' } });
    const history = await senior.trpc.cases.history.query({ id: caseId });
    expect(history.decisions[0]).toMatchObject({ status: 'sent_back', reviewNote: '请补充准入材料核查结果' });
    // A reviewer may not approve at all.
    const rev = await as('rev');
    expect((await errorOf(rev.trpc.approvals.list.query())).data?.code).toBe('FORBIDDEN');
  });

  it('waives with a template reason: a notice but no violation; a waived serious violation needs approval', async () => {
    const { caseId } = await file({ rule: 'fake-transaction' });
    const rev = await as('rev');
    const c = await claimAndGet(rev, caseId);
    const waived = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'waive',
      facts: { transactions: 120 },
      reason: '初次违规且已主动整改，本次免于处罚。',
      reasonTemplate: 'first-offence-corrected',
    });
    expect(waived).toMatchObject({ status: 'final', requiresApproval: false });
    const standing = (await rev.trpc.accounts.standing.query({ subjectId: c.subject.id })) as { findings: unknown[] };
    expect(standing.findings).toEqual([]);
    expect((await rev.trpc.cases.history.query({ id: caseId })).notices[0]?.bodyZh).toContain('免于处罚');

    const serious = await file({ rule: 'unauthorized-product' });
    const c2 = await claimAndGet(rev, serious.caseId);
    const result = await rev.trpc.cases.decide.mutate({
      id: serious.caseId,
      version: c2.version,
      decision: 'waive',
      facts: { admission: 'product', serious: true },
      reason: '情节轻微',
    });
    expect(result).toMatchObject({ requiresApproval: true, approvalReasons: ['waive-serious'] });
  });

  it('dismisses (no violation) and lowers the reporter credibility of later reports', async () => {
    const { caseId } = await file({ rule: 'member-rights-abuse', reporterId: 'U-liar' });
    const rev = await as('rev');
    const c = await claimAndGet(rev, caseId);
    const result = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'dismiss',
      reason: '经核查不构成违规。',
      reasonTemplate: 'no-violation',
    });
    expect(result.status).toBe('dismissed');
    const next = await file({ rule: 'member-rights-abuse', reporterId: 'U-liar' });
    const detail = await rev.trpc.cases.get.query({ id: next.caseId });
    expect(detail.reports[0]?.reporterCredibility).toBeCloseTo(1 / 3);
    expect(detail.triage.factors.find((f) => f.factor === 'reporterCredibility')?.points).toBeLessThan(0);
  });

  it('escalates to the escalations queue for a lead', async () => {
    const { caseId } = await file({ rule: 'unauthorized-product' });
    const rev = await as('rev');
    const c = await claimAndGet(rev, caseId);
    const result = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'escalate',
      reason: '案情复杂，需组长判断。',
    });
    expect(result.status).toBe('triaged');
    expect(await rev.trpc.cases.get.query({ id: caseId })).toMatchObject({ queue: 'escalations', assignee: null });
  });

  it('refuses a stale version with CONFLICT and the newer state, and writes nothing', async () => {
    const { caseId } = await file({ rule: 'fake-transaction' });
    const rev = await as('rev');
    const c = await claimAndGet(rev, caseId);
    await file({ rule: 'fake-transaction', subject: c.subject }); // a merged report bumps the version
    const before = await server.db.selectFrom('decisions').select('id').where('case_id', '=', caseId).execute();
    const err = await errorOf(
      rev.trpc.cases.decide.mutate({
        id: caseId,
        version: c.version,
        decision: 'apply',
        facts: { transactions: 5 },
        reason: 'x',
      }),
    );
    expect(err.data).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
      details: { current: { version: c.version + 1, status: 'assigned' } },
    });
    expect(await server.db.selectFrom('decisions').select('id').where('case_id', '=', caseId).execute()).toEqual(
      before,
    );
  });

  it('names the bad fact, the wrong rule, and refuses a case held by someone else', async () => {
    const { caseId } = await file({ rule: 'fake-transaction' });
    const rev = await as('rev');
    const c = await claimAndGet(rev, caseId);
    const facts = await errorOf(
      rev.trpc.cases.decide.mutate({
        id: caseId,
        version: c.version,
        decision: 'apply',
        facts: { transactions: -1 },
        reason: 'x',
      }),
    );
    expect(facts.data).toMatchObject({ code: 'BAD_REQUEST', field: 'facts.transactions' });
    const rule = await errorOf(
      rev.trpc.cases.decide.mutate({
        id: caseId,
        version: c.version,
        decision: 'apply',
        rule: 'counterfeit',
        facts: {},
        reason: 'x',
      }),
    );
    expect(rule.data).toMatchObject({ code: 'BAD_REQUEST', field: 'rule', reason: 'rule_not_in_family' });
    const rev2 = await as('rev2');
    const other = await errorOf(
      rev2.trpc.cases.decide.mutate({ id: caseId, version: c.version, decision: 'dismiss', reason: 'x' }),
    );
    expect(other.data?.reason).toBe('not_your_case');
    const auditor = await as('aud');
    expect(
      (
        await errorOf(
          auditor.trpc.cases.decide.mutate({ id: caseId, version: c.version, decision: 'dismiss', reason: 'x' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
  });

  it('decides in bulk, all or nothing, under one batch id', async () => {
    const rev = await as('rev');
    const filed = await Promise.all([1, 2, 3].map(() => file({ rule: 'member-rights-abuse' })));
    const rows = await server.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .where(
        'id',
        'in',
        filed.map((f) => f.caseId),
      )
      .execute();
    const stale = rows.map((r, i) => ({ id: r.id, version: i === 2 ? r.version + 5 : r.version }));
    expect(
      (await errorOf(rev.trpc.cases.bulkDecide.mutate({ cases: stale, decision: 'dismiss', reason: '重复举报' }))).data
        ?.code,
    ).toBe('CONFLICT');
    expect(
      await server.db
        .selectFrom('cases')
        .select('status')
        .where(
          'id',
          'in',
          filed.map((f) => f.caseId),
        )
        .execute(),
    ).not.toContainEqual({ status: 'dismissed' });

    const result = await rev.trpc.cases.bulkDecide.mutate({
      cases: rows.map((r) => ({ id: r.id, version: r.version })),
      decision: 'dismiss',
      reason: '重复举报',
    });
    expect(result.results.map((r) => r.status)).toEqual(['dismissed', 'dismissed', 'dismissed']);
    const events = await server.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('batch_id', '=', result.batchId)
      .execute();
    expect(
      events
        .filter((e) => e.action === 'case.decided')
        .map((e) => Number(e.target_id))
        .sort(),
    ).toEqual(rows.map((r) => r.id).sort());
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyChain(server.db)).ok).toBe(true);
  });
});

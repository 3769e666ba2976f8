/**
 * QA over real HTTP: who may call what, input validation (400 with the field, never a 500), and
 * the dashboard's qa section under the metrics.team scope (a lead's team, a reviewer's own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(BACKENDS)('QA procedures over HTTP on %s', (backend) => {
  let server: TestServer;
  let lead: Client;
  let rev: Client;
  let qa: Client;
  let auditor: Client;
  let outsider: Client;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const ids = await createStaff(server.db, [
      { username: 'lead1', role: 'lead' },
      { username: 'rev1', role: 'reviewer' },
      { username: 'qa1', role: 'reviewer' },
      { username: 'auditor1', role: 'auditor' },
      { username: 'outsider1', role: 'reviewer' },
    ]);
    const members = ['lead1', 'rev1', 'qa1'].map((u) => ids.get(u) ?? 0);
    await createQueue(server.db, 'general', { routeRules: [], members });
    lead = await signIn(server.url, 'lead1', TEST_PASSWORD);
    rev = await signIn(server.url, 'rev1', TEST_PASSWORD);
    qa = await signIn(server.url, 'qa1', TEST_PASSWORD);
    auditor = await signIn(server.url, 'auditor1', TEST_PASSWORD);
    outsider = await signIn(server.url, 'outsider1', TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  it('lets only leads set a policy, and refuses a bad one with 400', async () => {
    expect((await errorOf(rev.trpc.qa.setPolicy.mutate({ queueId: 'general', percent: 50 }))).data?.code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(lead.trpc.qa.setPolicy.mutate({ queueId: 'general', percent: 101 }))).data?.code).toBe(
      'BAD_REQUEST',
    );
    const unknownRule = await errorOf(
      lead.trpc.qa.setPolicy.mutate({ queueId: 'general', percent: 5, alwaysRules: ['no-such-rule' as 'counterfeit'] }),
    );
    expect(unknownRule.data?.code).toBe('BAD_REQUEST');
    expect((await errorOf(lead.trpc.qa.setPolicy.mutate({ queueId: 'nowhere', percent: 5 }))).data?.reason).toBe(
      'queue_not_found',
    );
    const policy = await lead.trpc.qa.setPolicy.mutate({ queueId: 'general', percent: 100 });
    expect(policy).toMatchObject({ queueId: 'general', percent: 100, alwaysRules: [], alwaysSeals: false });
    expect(await rev.trpc.qa.policies.query({})).toEqual([policy]);
    expect((await errorOf(auditor.trpc.qa.next.mutate({}))).data?.code).toBe('FORBIDDEN');
  });

  it('walks a sampled decision through QA, the backlog, adjudication and the dashboard', async () => {
    const { caseId } = await lead.trpc.reports.submit.mutate(
      reportInput({ subject: { id: 'M-QA-HTTP', kind: 'merchant', name: '质检店铺' } }),
    );
    const c = await rev.trpc.cases.get.query({ id: caseId });
    const decided = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { transactions: 120 },
      reason: '刷单属实',
    });
    // Not the decider, and not someone outside the queue.
    expect(await rev.trpc.qa.next.mutate({})).toBeNull();
    expect(await outsider.trpc.qa.next.mutate({})).toBeNull();
    const next = await qa.trpc.qa.next.mutate({});
    expect(next).toEqual({ taskId: expect.any(Number), caseId });
    const taskId = next?.taskId ?? 0;
    const view = await qa.trpc.qa.task.query({ taskId });
    expect(view).toMatchObject({ taskId, mine: true, case: { id: caseId } });
    expect(JSON.stringify(view)).not.toContain('刷单属实');

    const huge = await errorOf(qa.trpc.qa.submit.mutate({ taskId, decision: 'dismiss', reason: '长'.repeat(3000) }));
    expect(huge.data?.code).toBe('BAD_REQUEST');
    const badFacts = await errorOf(
      qa.trpc.qa.submit.mutate({ taskId, decision: 'apply', facts: { transactions: 'many' }, reason: '坏' }),
    );
    expect(badFacts.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'invalid_facts', field: 'facts.transactions' });
    const submitted = await qa.trpc.qa.submit.mutate({ taskId, decision: 'dismiss', reason: '证据不足' });
    expect(submitted).toMatchObject({ status: 'disagreed', scores: { kind: 'disagree', agreed: false } });

    // The reviewer sees only their own scores; the lead sees the team's.
    const own = await rev.trpc.metrics.dashboard.query({ periodDays: 7 });
    expect(own.scope.kind).toBe('self');
    expect(own.qa).toMatchObject({ scored: 1, agreed: 0, rate: 0, backlog: 1, gold: { answered: 0, correct: 0 } });
    expect(own.qa.byReviewer.map((r) => r.label)).toEqual(['rev1']);
    const qaOwn = await qa.trpc.metrics.dashboard.query({ periodDays: 7 });
    expect(qaOwn.qa).toMatchObject({ scored: 0, backlog: 0 });
    const team = await lead.trpc.metrics.dashboard.query({ periodDays: 7 });
    expect(team.qa).toMatchObject({ scored: 1, backlog: 1 });
    expect(team.qa.daily).toHaveLength(7);
    expect(team.qa.daily.at(-1)).toMatchObject({ scored: 1, agreed: 0 });

    expect((await errorOf(rev.trpc.qa.adjudications.query({}))).data?.code).toBe('FORBIDDEN');
    const backlog = await lead.trpc.qa.adjudications.query({ queueId: 'general' });
    expect(backlog).toEqual([expect.objectContaining({ taskId, decisionId: decided.decisionId, canAdjudicate: true })]);
    const ruled = await lead.trpc.qa.adjudicate.mutate({ taskId, outcome: 'uphold', note: '维持原处理' });
    expect(ruled).toEqual({ status: 'upheld', decisionStatus: 'effective', noticeId: null });
    expect(await rev.trpc.qa.mine.query({})).toEqual([
      expect.objectContaining({ taskId, status: 'upheld', leadNote: '维持原处理' }),
    ]);
    expect((await lead.trpc.metrics.dashboard.query({ periodDays: 7 })).qa.backlog).toBe(0);
  });
});
